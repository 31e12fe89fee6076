"""The rules of the Wet inburgering 2021 as pure Python: no Django, no database.

Every function names its article (Wi = Wet inburgering 2021, Bi = Besluit
inburgering 2021, Atw = Algemene termijnenwet) so a reviewer can check it
against the law. Services call these rules; pages and the API only show what
they return.
"""
