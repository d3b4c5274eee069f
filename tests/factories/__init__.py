from tests.factories.accounts import CoordinatorFactory, EditorFactory, UserFactory

__all__ = ["CoordinatorFactory", "EditorFactory", "UserFactory"]
