"""The pages of one newcomer's case (register, overview, change, status, deadlines, timeline,
search), at /inburgeraars/ under the URL namespace `inburgeraars`.

Above the worklist: the overview and the deadlines tab show the case as the worklist does, with
its deadlines and the signals of referrals and reports (regie.werkvoorraad). The case itself (model,
selectors, services, forms) stays in regie.inburgeraars, low in the layers, for every app to use.
"""
