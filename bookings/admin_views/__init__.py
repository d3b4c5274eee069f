"""The coordinators' back office in the Wagtail admin: request workspace, actions, matching."""
