"""Web security that Django's own SecurityMiddleware does not cover (see README, "Productie")."""
