"""Password rules: Django's validators, with messages in plain Dutch (B1).

The rules themselves are Django's: at least 12 characters, not like the user's name or
e-mail address, not on the list of 20,000 common passwords, not only digits.
"""

from django.contrib.auth import password_validation as django_regels


class MinimaleLengte(django_regels.MinimumLengthValidator):
    def get_error_message(self):
        return f"Dit wachtwoord is te kort. Gebruik minstens {self.min_length} tekens."

    def get_help_text(self):
        return f"Gebruik minstens {self.min_length} tekens. Een zin van een paar woorden is makkelijk te onthouden."


class LijktNietOpGegevens(django_regels.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return "Dit wachtwoord lijkt te veel op uw %(verbose_name)s. Kies een ander wachtwoord."

    def get_help_text(self):
        return "Uw wachtwoord mag niet lijken op uw gebruikersnaam, naam of e-mailadres."


class NietVeelgebruikt(django_regels.CommonPasswordValidator):
    def get_error_message(self):
        return "Dit wachtwoord gebruiken veel mensen. Kies een wachtwoord dat moeilijker te raden is."

    def get_help_text(self):
        return "Kies geen wachtwoord dat veel mensen gebruiken, zoals qwerty123456."


class NietAlleenCijfers(django_regels.NumericPasswordValidator):
    def get_error_message(self):
        return "Dit wachtwoord heeft alleen cijfers. Gebruik ook letters."

    def get_help_text(self):
        return "Uw wachtwoord mag niet alleen uit cijfers bestaan."
