from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from regie.accounts.models import User


# Case data is deliberately not in the admin: it would bypass the organisation scoping
# that every page and the API go through. The admin is for users and municipalities.
@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "organisatie", "rol", "is_active"]
    list_filter = ["organisatie", "rol", "is_active"]
    fieldsets = [*BaseUserAdmin.fieldsets, ("Regie", {"fields": ["organisatie", "rol"]})]
    add_fieldsets = [*BaseUserAdmin.add_fieldsets, ("Regie", {"fields": ["organisatie", "rol"]})]
