"""Old home of the request workspace; it lives in workspace (the view), workspace_actions,
workspace_engagements and refusals. Import from there; this module only re-exports.
"""

from .refusals import REFUSALS, refusal_text  # noqa: F401
from .workspace import WorkspaceView  # noqa: F401
from .workspace_engagements import ENGAGEMENT_FORMS, offered_engagement_actions  # noqa: F401
