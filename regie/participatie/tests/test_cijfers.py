"""The aggregate outcome figures on small hand-built data (expected numbers counted by hand)."""

from datetime import date, timedelta

from regie.demo.factories import InburgeraarFactory
from regie.participatie import cijfers
from regie.participatie.models import Activiteit, Situatie
from regie.wet.meetmomenten import Meetmoment


def persoon(gemeente, *, cohort=2023):
    return InburgeraarFactory(
        gemeente=gemeente,
        begindatum_inburgeringsplicht=date(cohort, 3, 1),
        datum_melding_duo=date(cohort, 3, 1),
    )


def meting(
    inburgeraar, moment, *, werk="geen", opleiding=False, uitkering="volledig", zelf=3, op=date(2025, 4, 1)
):
    return Situatie.objects.create(
        inburgeraar=inburgeraar,
        moment=moment,
        gemeten_op=op,
        werk=werk,
        opleiding=opleiding,
        uitkering=uitkering,
        zelfredzaamheid=zelf,
    )


def activiteit(inburgeraar, soort, start, einde=None):
    return Activiteit.objects.create(
        inburgeraar=inburgeraar, soort=soort, partner="X", startdatum=start, einddatum=einde
    )


def test_situatie_per_meetmoment(dronten, dordrecht, django_assert_num_queries):
    a, b, c = persoon(dronten), persoon(dronten), persoon(dronten)
    d = persoon(dronten, cohort=2022)
    e = persoon(dordrecht)
    meting(a, "12_maanden", werk="deeltijd", uitkering="gedeeltelijk", zelf=4)
    meting(b, "12_maanden", opleiding=True, zelf=2)
    oud = meting(c, "12_maanden", werk="voltijd", uitkering="geen", zelf=5)
    Situatie.objects.filter(pk=oud.pk).update(actueel=False)  # replaced: does not count
    meting(c, "12_maanden", werk="voltijd", uitkering="geen", zelf=5)
    meting(d, "12_maanden")
    meting(e, "intake")
    # a volunteers on the day of the measurement, b's volunteering ended the day before
    activiteit(a, "vrijwilligerswerk", date(2025, 1, 1))
    activiteit(b, "vrijwilligerswerk", date(2024, 1, 1), date(2025, 3, 31))
    activiteit(c, "betaald_werk", date(2025, 4, 1), date(2025, 4, 1))
    with django_assert_num_queries(1):
        rijen = cijfers.situatie_per_meetmoment([dronten], cohort_jaar=2023)
    assert len(rijen) == 1
    r = rijen[0]
    assert (r.gemeente_id, r.cohort_jaar, r.moment) == (dronten.pk, 2023, Meetmoment.MAAND_12)
    assert (r.gemeten, r.werk_geen, r.werk_deeltijd, r.werk_voltijd, r.werk) == (3, 1, 1, 1, 2)
    assert (r.opleiding, r.bijstand_geen, r.bijstand_gedeeltelijk, r.bijstand_volledig) == (1, 1, 1, 1)
    assert (r.participatie, r.vrijwilligerswerk) == (2, 1)
    assert r.zelfredzaamheid_gemiddeld == round((4 + 2 + 5) / 3, 1)

    alles = cijfers.situatie_per_meetmoment([dronten.pk, dordrecht.pk])
    assert {(x.gemeente_id, x.cohort_jaar, x.moment, x.gemeten) for x in alles} == {
        (dronten.pk, 2022, Meetmoment.MAAND_12, 1),
        (dronten.pk, 2023, Meetmoment.MAAND_12, 3),
        (dordrecht.pk, 2023, Meetmoment.INTAKE, 1),
    }
    alleen_intake = cijfers.situatie_per_meetmoment([dronten, dordrecht], meetmomenten=[Meetmoment.INTAKE])
    assert [(x.gemeente_id, x.gemeten) for x in alleen_intake] == [(dordrecht.pk, 1)]


def test_participatie_per_soort_op_een_peildatum(dronten, dordrecht, django_assert_num_queries):
    a, b = persoon(dronten), persoon(dronten)
    peil = date(2025, 6, 30)
    activiteit(a, "vrijwilligerswerk", date(2025, 1, 1))
    activiteit(a, "vrijwilligerswerk", date(2025, 6, 30), peil)  # second one, same person
    activiteit(b, "vrijwilligerswerk", date(2025, 1, 1), peil - timedelta(days=1))  # ended before
    activiteit(b, "betaald_werk", date(2025, 6, 1))
    activiteit(b, "opleiding", peil + timedelta(days=1))  # not started yet
    activiteit(persoon(dordrecht), "betaald_werk", date(2025, 1, 1))
    with django_assert_num_queries(1):
        rijen = cijfers.participatie_per_soort([dronten], peildatum=peil)
    assert {(r.soort, r.personen, r.activiteiten) for r in rijen} == {
        ("vrijwilligerswerk", 1, 2),
        ("betaald_werk", 1, 1),
    }
    assert cijfers.participatie_per_soort([dronten], peildatum=peil, cohort_jaar=2020) == []


def test_afgelopen_activiteiten(dronten):
    a = persoon(dronten)
    for resultaat, einde in (("afgerond", date(2025, 2, 1)), ("voortijdig_gestopt", date(2025, 3, 1))):
        x = activiteit(a, "stage", date(2025, 1, 1), einde)
        Activiteit.objects.filter(pk=x.pk).update(resultaat=resultaat)
    x = activiteit(a, "stage", date(2024, 1, 1), date(2024, 12, 31))  # outside the period
    Activiteit.objects.filter(pk=x.pk).update(resultaat="afgerond")
    activiteit(a, "stage", date(2025, 1, 1), date(2025, 2, 1))  # result not recorded (loopt)
    rijen = cijfers.afgelopen_activiteiten([dronten], van=date(2025, 1, 1), tot=date(2025, 12, 31))
    assert [(r.soort, r.afgerond, r.voortijdig_gestopt) for r in rijen] == [("stage", 1, 1)]
