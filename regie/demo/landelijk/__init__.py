"""The national-scale data for measuring Regie (`manage.py seed_landelijk`): the demo, built once
through the services, copied into some 340 municipalities."""
