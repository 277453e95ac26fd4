from game.model.ladder import PriorityLadder

DEFAULT = PriorityLadder(("partner", "family", "boss", "customer", "supplier", "prospect"))


def test_the_partner_outranks_the_boss():
    assert DEFAULT.outranks(DEFAULT.rank("partner"), DEFAULT.rank("boss"))


def test_the_boss_outranks_own_customers():
    assert DEFAULT.outranks(DEFAULT.rank("boss"), DEFAULT.rank("customer"))


def test_own_customers_outrank_current_suppliers():
    assert DEFAULT.outranks(DEFAULT.rank("customer"), DEFAULT.rank("supplier"))


def test_a_current_supplier_outranks_the_prospect():
    assert DEFAULT.outranks(DEFAULT.rank("supplier"), DEFAULT.prospect_rank)


def test_the_prospect_outranks_nobody():
    assert not any(DEFAULT.outranks(DEFAULT.prospect_rank, DEFAULT.rank(r)) for r in DEFAULT.rungs)


def test_an_appointment_lifts_the_prospect_above_suppliers():
    assert DEFAULT.outranks(DEFAULT.rank_above("supplier"), DEFAULT.rank("supplier"))


def test_an_appointment_does_not_lift_the_prospect_above_customers():
    assert DEFAULT.outranks(DEFAULT.rank("customer"), DEFAULT.rank_above("supplier"))


def test_a_tie_goes_to_whoever_already_has_the_buyer():
    assert not DEFAULT.outranks(DEFAULT.rank("boss"), DEFAULT.rank("boss"))


def test_a_scenario_ladder_can_put_the_boss_above_family():
    ladder = PriorityLadder(("boss", "partner", "family", "customer", "supplier", "prospect"))
    assert ladder.outranks(ladder.rank("boss"), ladder.rank("family"))
