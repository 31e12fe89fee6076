"""The privacy officer's pages: search the processing log, read one entry, and make the overview
for a data subject's access request (AVG art. 15), at /verwerkingslog/ (URL namespace
`verwerkingslog`).

They find out who a person is (by BSN, uuid or internal number) and gather the case's data, so
they sit above the cases. Writing the log (regie.verwerkingslog) is infrastructure that every
layer uses, the accounts too, and knows neither the accounts nor the cases.
"""
