"""Expert portal (``portal``), calendar feed (``feed``) and public directory (``public``)."""
