"""Unit tests, on hand-written sentences, for the general rules of English the coder applies."""

from __future__ import annotations

from datetime import date

from eventwire.engine import Engine
from eventwire.records import CodedEvent, Modality

DAY = date(2021, 3, 18)


def _events(engine: Engine, text: str) -> list[CodedEvent]:
    return list(engine.code_text(text, day=DAY).events)


def _by_type(engine: Engine, text: str, event_type: str) -> CodedEvent:
    found = [e for e in _events(engine, text) if e.type == event_type]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in _events(engine, text)]
    return found[0]


def _countries(actors: tuple[object, ...]) -> set[str | None]:
    return {getattr(a, "country", None) for a in actors}


def test_reported_demand_is_a_request_of_the_subject(engine: Engine) -> None:
    event = _by_type(engine, "Russia said that Sudan must return the helicopter.", "REQUEST")
    assert _countries(event.actors) == {"RUS"} and _countries(event.recipients) == {"SDN"}
    assert event.explanation.lexicon_entry.startswith("grammar rule:")


def test_an_obligation_stated_of_another_is_a_demand(engine: Engine) -> None:
    for text in (
        "The EU said Turkey has to recognise Cyprus.",
        "Germany said Russia ought to withdraw its troops.",
        "Bush said that Japan needs to enact economic reforms.",
    ):
        event = _by_type(engine, text, "REQUEST")
        assert event.cameo == "100" and len(event.recipients) == 1, text
    # the obligation is not yet met: the act owed is not asserted
    owed = _by_type(engine, "The EU said Turkey has to recognise Cyprus.", "SUPPORT")
    assert owed.modality is Modality.HYPOTHETICAL
    assert _by_type(engine, "Israel had to withdraw its troops from Gaza.", "RETREAT").modality is (
        Modality.ASSERTED
    )


def test_an_obligation_of_the_speaker_itself_demands_nothing(engine: Engine) -> None:
    for text in ("Iran said it must defend itself.", "Iran said it has to defend itself."):
        assert all(e.type != "REQUEST" for e in _events(engine, text)), text


def test_a_state_a_forecast_or_the_speakers_own_duty_is_no_demand(engine: Engine) -> None:
    for text in (
        "Officials said US tin disposals should have little effect on the agreement.",
        "Sources said the Japanese ministry will have to approve the US request soon.",
        '"Now we have to take care of it ourselves," the British minister said.',
    ):
        assert all(e.type != "REQUEST" for e in _events(engine, text)), text
    text = "The Japanese banker said the yen should stabilize at around 152 to the dollar."
    assert all(e.type != "REQUEST" for e in _events(engine, text)), text
    # an obligation to come is not yet met
    approve = _events(engine, "Sources said Japan will have to approve the US plan.")
    assert all(e.modality is not Modality.REPORTED for e in approve)
    text = "The Liberal Democrats said Britain should be a safe haven for asylum seekers."
    assert _by_type(engine, text, "REQUEST")  # what an actor should be is asked of it
    assert all(
        e.type != "REQUEST" for e in _events(engine, "Officials said the figures must be wrong.")
    )
    text = "The British Liberal Democrats said a British judge should look into the affair."
    assert _by_type(engine, text, "REQUEST")


def test_who_is_asked_in_the_passive_is_not_the_asker(engine: Engine) -> None:
    for text in ("Iran was urged to halt enrichment.", "British police are being asked to act."):
        assert all(e.type != "REQUEST" for e in _events(engine, text)), text
    event = _by_type(engine, "Iran was urged by Britain to halt enrichment.", "REQUEST")
    assert _countries(event.actors) == {"GBR"} and _countries(event.recipients) == {"IRN"}


def test_who_is_criticised_or_praised_in_the_passive_did_not_do_it(engine: Engine) -> None:
    for text in (
        "The British Ministry of Defence has been criticised over the soaring costs.",
        "The British government was praised for its response.",
    ):
        assert _events(engine, text) == [], text
    assert _by_type(engine, "Israel is opposed to the plan.", "ACCUSE")  # an attitude


def test_recognition_is_of_an_actor_or_its_existence(engine: Engine) -> None:
    event = _by_type(engine, "The United States recognized Kosovo.", "SUPPORT")
    assert event.cameo == "054"
    assert _by_type(engine, "Iran does not recognise the existence of Israel.", "REJECT")
    assert _events(engine, "The disease was first recognized in Wuhan, China.") == []


def test_yielding_is_giving_in_not_a_return(engine: Engine) -> None:
    assert _by_type(engine, "The Israeli government yielded to American pressure.", "CONCEDE")
    text = "Canadian treasury bills yielded an average of 7.28 pct."
    assert _events(engine, text) == []


def test_approving_a_request_is_no_request(engine: Engine) -> None:
    assert all(e.type != "REQUEST" for e in _events(engine, "Japan approved the US request."))


def test_dying_from_an_attack_is_the_attack(engine: Engine) -> None:
    event = _by_type(
        engine, "A Palestinian prisoner died from torture in an Israeli prison.", "ASSAULT"
    )
    assert _countries(event.recipients) == {"PSE"}
    assert _events(engine, "The former president died of cancer in Paris.") == []
    for text in (
        "A Palestinian prisoner died as a result of torture in an Israeli prison.",
        "Three Afghan soldiers died because of a Taliban attack.",
    ):
        event = _by_type(engine, text, "ASSAULT")
        assert len(_countries(event.actors)) == 1, text
    assert _events(engine, "The former president died as a result of cancer.") == []


def test_purpose_clause_is_part_of_the_event(engine: Engine) -> None:
    text = "Thousands of Iraqis blocked roads in Baghdad to demand the release of prisoners."
    types = [e.type for e in _events(engine, text)]
    assert "PROTEST" in types and "REQUEST" not in types


def test_relative_clause_is_background(engine: Engine) -> None:
    text = "Iran criticized Israel, which attacked Syria last week."
    assert [e.type for e in _events(engine, text)] == ["ACCUSE"]


def test_reduced_passive_relative_describes_a_noun(engine: Engine) -> None:
    text = "Militiamen armed by Sudan attacked a camp in Chad."
    assert "AID" not in [e.type for e in _events(engine, text)]


def test_protest_slogan_is_not_a_separate_event(engine: Engine) -> None:
    text = "Thousands of Kurds demonstrated in Kirkuk, calling for independence from Iraq."
    assert [e.type for e in _events(engine, text)] == ["PROTEST"]


def test_protest_without_target_is_addressed_to_the_local_government(engine: Engine) -> None:
    event = _by_type(engine, "Hundreds of students protested in Lagos on Monday.", "PROTEST")
    assert _countries(event.recipients) == {"NGA"}
    assert event.recipients[0].sectors == ("GOV",)


def test_stance_phrase_names_the_target(engine: Engine) -> None:
    text = "Thousands of people blocked roads in Hong Kong in defiance of Chinese authorities."
    event = _by_type(engine, text, "PROTEST")
    assert "CHN" in _countries(event.recipients)


def test_re_verbs_use_their_base_entry(engine: Engine) -> None:
    event = _by_type(engine, "Israel reimposed sanctions on Gaza.", "SANCTION")
    assert _countries(event.actors) == {"ISR"}


def test_passive_attack_without_agent_has_an_unidentified_actor(engine: Engine) -> None:
    event = _by_type(engine, "Three Iraqi soldiers were killed in Mosul on Monday.", "ASSAULT")
    (actor,) = event.actors
    assert actor.sectors == ("UAF",) and actor.country == "IRQ" and actor.confidence < 0.5


def test_stance_prefix_does_not_give_nationality(engine: Engine) -> None:
    text = "Pro-Russia rebels attacked Ukrainian troops in Donetsk."
    event = _by_type(engine, text, "ASSAULT")
    assert "RUS" not in _countries(event.actors)


def test_ethnic_group_is_placed_by_context(engine: Engine) -> None:
    event = _by_type(engine, "Ethnic Albanians demonstrated in Serbia on Tuesday.", "PROTEST")
    assert _countries(event.actors) == {"SRB"}


def test_refusal_of_cooperation_is_reject(engine: Engine) -> None:
    event = _by_type(engine, "Iran refused to meet Iraqi officials.", "REJECT")
    assert event.modality in (Modality.ASSERTED, Modality.REPORTED)


def test_stated_hostile_act_keeps_its_type(engine: Engine) -> None:
    event = _by_type(engine, "North Korea said it would reject the US offer.", "REJECT")
    assert _countries(event.recipients) == {"USA"}


def test_condition_clause_event_is_not_coded(engine: Engine) -> None:
    text = "Iran will attack Israel unless Israel withdraws its troops."
    types = {(e.type, str(e.modality)) for e in _events(engine, text)}
    assert ("THREATEN", "asserted") in types
    assert all(t != "AGREE" for t, _ in types)


def test_acl_participle_subject_is_the_issuer(engine: Engine) -> None:
    text = "The Kurdistan Workers' Party issued a statement demanding that Turkey free Ocalan."
    event = _by_type(engine, text, "REQUEST")
    assert _countries(event.actors) == {"TUR"} and _countries(event.recipients) == {"TUR"}


def test_ordering_an_action_is_the_action_ordering_someone_is_a_demand(engine: Engine) -> None:
    text = "The Pakistani government ordered patrols by police in Karachi."
    assert "REQUEST" not in [e.type for e in _events(engine, text)]
    demand = _by_type(engine, "The United Nations ordered Iraq to destroy its missiles.", "REQUEST")
    assert _countries(demand.recipients) == {"IRQ"}


def test_an_arrest_warrant_is_legal_action(engine: Engine) -> None:
    text = "A Kenyan court issued an arrest warrant for the opposition leader."
    event = _by_type(engine, text, "COERCE")
    assert event.cameo == "173" and "THREATEN" not in [e.type for e in _events(engine, text)]


def test_a_to_clause_with_its_own_subject_is_the_verbs_complement(engine: Engine) -> None:
    # "allowed X to V" is often parsed with X as the subject of a clausal complement
    text = "The Egyptian interior minister allowed the opposition leader to hold a rally in Cairo."
    event = _by_type(engine, text, "CONCEDE")
    assert _countries(event.actors) == {"EGY"} and event.recipients[0].sectors == ("OPP",)


def test_stopping_work_is_a_strike(engine: Engine) -> None:
    event = _by_type(
        engine, "Serbian workers stopped work on Monday over a new labour law.", "PROTEST"
    )
    assert event.mode == "strike" and _countries(event.actors) == {"SRB"}


def test_a_decision_is_the_act_decided(engine: Engine) -> None:
    text = "Egypt decided to expel the Israeli ambassador on Monday."
    event = _by_type(engine, text, "SANCTION")
    assert event.modality is Modality.ASSERTED and _countries(event.recipients) == {"ISR"}


def test_an_objects_compound_modifier_meets_an_object_requirement(engine: Engine) -> None:
    text = "Ethiopian troops violated the ceasefire agreement with Eritrea."
    assert _by_type(engine, text, "ASSAULT").cameo == "196"
    halted = _by_type(
        engine, "The European Union halted its mediation efforts in Serbia.", "SANCTION"
    )
    assert _countries(halted.recipients) == {"SRB"}


def test_an_infinitive_modifying_an_event_noun_is_not_a_relative_clause(engine: Engine) -> None:
    # "a rally ... to protest X" is often parsed as a relative clause of "rally"
    text = "Thousands of Nigerians were converging for a rally in Lagos to protest the new law."
    assert "PROTEST" in [e.type for e in _events(engine, text)]


def test_an_act_in_a_present_tense_before_or_until_clause_is_not_done_yet(engine: Engine) -> None:
    pending = _events(
        engine, "The rebels said Rwanda must change the constitution before they disarm."
    )
    assert all(e.modality is not Modality.ASSERTED for e in pending if e.trigger.text == "disarm")
    past = _events(engine, "Serbian troops shelled the town before they withdrew from Kosovo.")
    withdrew = [e for e in past if e.trigger.text == "withdrew"]
    assert withdrew and withdrew[0].modality is Modality.ASSERTED


def test_how_a_protest_was_done_is_not_another_event(engine: Engine) -> None:
    text = "Kenyan students rioted in Nairobi on Monday, setting fire to cars and smashing shops."
    assert [e.type for e in _events(engine, text)] == ["PROTEST"]


def test_an_organisations_own_head_word_is_not_its_title(engine: Engine) -> None:
    # "Union" names a labour union only as a role word, not inside "European Union"
    event = _by_type(engine, "The European Union condemned Russia.", "ACCUSE")
    assert [a.code for a in event.actors] == ["IGO"]


def test_an_offer_is_a_promise_and_eased_measures_a_concession(engine: Engine) -> None:
    assert _by_type(engine, "Russia offered concessions to Japan.", "AGREE").cameo == "030"
    text = "Serbia eased emergency measures in Montenegro on Wednesday."
    assert _by_type(engine, text, "CONCEDE").cameo == "081"


def test_withdrawing_from_talks_or_an_agreement_reduces_relations(engine: Engine) -> None:
    text = "The United States withdrew from the nuclear agreement with Iran."
    assert _by_type(engine, text, "SANCTION").cameo == "160"
    assert _by_type(engine, "Iran withdrew from the talks with the EU.", "SANCTION").cameo == "164"
    troops = _events(engine, "Russia withdrew its troops from Georgia.")
    assert [e.type for e in troops] == ["RETREAT"]


def test_a_predicative_adjective_meets_a_row(engine: Engine) -> None:
    held = _by_type(engine, "Iran held the United States responsible for the attack.", "ACCUSE")
    assert _countries(held.recipients) == {"USA"}
    freed = _by_type(engine, "Syrian rebels set the Lebanese hostages free on Monday.", "RETREAT")
    assert freed.cameo == "0841"
    assert _by_type(engine, "A Kenyan court found the man guilty of treason.", "SANCTION")


def test_a_weapons_test_is_a_show_of_force_not_an_attack(engine: Engine) -> None:
    for text in (
        "North Korea test-fired a ballistic missile on Sunday.",
        "North Korea fired two ballistic missiles in a test.",
    ):
        event = _by_type(engine, text, "MOBILIZE")
        assert (event.cameo, event.mode) == ("150", "weapons")
    assert _by_type(engine, "Hamas fired rockets at Israel.", "ASSAULT")


def test_a_cyber_attack_is_coercion_and_a_recipient_is_listed_once(engine: Engine) -> None:
    text = "Russian hackers launched a cyber attack on Estonian government websites."
    assert [(e.type, e.mode) for e in _events(engine, text)] == [("COERCE", "cyber")]
    attack = _by_type(
        engine, "Syrian rebels launched an attack on the army base in Aleppo.", "ASSAULT"
    )
    codes = [a.code for a in attack.recipients]
    assert len(codes) == len(set(codes))


def test_allowing_is_a_concession_and_a_promise_to_allow_an_intent(engine: Engine) -> None:
    text = "Egypt allowed five Libyan fugitives into the country."
    assert _by_type(engine, text, "CONCEDE").cameo == "080"
    promise = "Turkey will allow thousands of Kurdish refugees who live in Iraq to go home."
    assert _by_type(engine, promise, "AGREE")


def test_opposing_talks_or_a_deal_rejects_it_opposing_a_party_disapproves(engine: Engine) -> None:
    text = "Israel is opposed to French mediation in peace negotiations with Syria."
    assert _by_type(engine, text, "REJECT").cameo == "125"
    assert _by_type(engine, "Iran opposed the nuclear deal.", "REJECT").cameo == "127"
    assert _by_type(engine, "Russia opposed NATO.", "ACCUSE").cameo == "110"


def test_under_arrest_coerces_under_investigation_investigates(engine: Engine) -> None:
    assert _by_type(engine, "Italy put the American under investigation.", "ACCUSE").cameo == "090"
    text = "Egypt placed the former president under house arrest."
    assert _by_type(engine, text, "COERCE").cameo == "173"


def test_a_negated_act_is_a_refusal_a_negated_object_is_not(engine: Engine) -> None:
    refused = _by_type(engine, "Syria did not accept refugees from Iraq.", "REJECT")
    assert refused.modality is Modality.ASSERTED
    none_taken = _events(engine, "Syria accepted no refugees from Iraq.")
    assert [(e.type, e.modality) for e in none_taken] == [("AID", Modality.NEGATED)]


def test_taking_to_the_streets_is_a_protest_taking_to_anything_else_is_not(
    engine: Engine,
) -> None:
    event = _by_type(engine, "Thousands of Iraqis took to the streets of Baghdad.", "PROTEST")
    assert _countries(event.actors) == {"IRQ"}
    for text in (
        "The prime minister took Britain to war.",
        "The detainees took their case to the Supreme Court of Kenya.",
    ):
        assert "PROTEST" not in {e.type for e in _events(engine, text)}, text


def test_a_stance_word_is_not_who_the_people_are(engine: Engine) -> None:
    event = _by_type(
        engine, "Anti-government protesters clashed with police in Bangkok.", "PROTEST"
    )
    assert [a.code for a in event.actors] == ["THACVL"]
    event = _by_type(engine, "Pro-Russian rebels attacked Ukrainian troops.", "ASSAULT")
    assert [a.code for a in event.actors] == ["UKRREB"]


def test_where_a_group_is_based_gives_its_country_not_its_identity(engine: Engine) -> None:
    event = _by_type(
        engine, "A London-based human rights group accused Bahrain of torture.", "ACCUSE"
    )
    assert [a.code for a in event.actors] == ["GBR"]  # not the British government
    event = _by_type(engine, "The group, based in Lebanon, attacked Israeli troops.", "ASSAULT")
    assert _countries(event.actors) == {"LBN"}
    event = _by_type(
        engine, "A UK-based monitoring group said government forces attacked Aleppo.", "ASSAULT"
    )
    assert _countries(event.actors) == {"SYR"}


def test_a_grouping_named_for_a_city_is_not_its_government(engine: Engine) -> None:
    # "the Cairns Group" is no organisation the data knows: the city still names no actor
    events = _events(engine, "The Cairns Group criticised the European Union.")
    assert all(a.country != "AUS" for e in events for a in e.actors)


def test_an_act_due_or_slated_is_planned_not_done(engine: Engine) -> None:
    event = _by_type(engine, "The Iranian foreign minister is due to visit Moscow.", "AGREE")
    assert event.cameo == "036" and event.modality is Modality.ASSERTED
    assert "CONSULT" not in {e.type for e in _events(engine, "Putin is due to visit Ankara.")}


def test_a_denied_act_is_neither_done_nor_refused(engine: Engine) -> None:
    events = _events(engine, "Iran denied that it had attacked the Saudi tanker.")
    attack = next(e for e in events if e.type == "ASSAULT")
    assert attack.modality is Modality.NEGATED
    events = _events(engine, "Iran denied that it had held talks with the United States.")
    assert {e.type for e in events} == {"REJECT", "CONSULT"}  # the denial, and denied talks
    talks = next(e for e in events if e.type == "CONSULT")
    assert talks.modality is Modality.NEGATED and talks.cameo.startswith("04")


def test_a_negated_condition_is_a_condition_not_a_refusal(engine: Engine) -> None:
    text = "The EU warned Belarus of sanctions if it did not release the political prisoners."
    events = _events(engine, text)
    assert "REJECT" not in {e.type for e in events}
    release = next(e for e in events if e.type == "RETREAT")
    assert release.modality is Modality.CONDITIONAL


def test_a_country_name_the_parser_takes_for_a_person_is_the_country(engine: Engine) -> None:
    event = _by_type(engine, "Chad expelled the German ambassador on Monday.", "SANCTION")
    assert _countries(event.actors) == {"TCD"}
    text = "Vernon Jordan met the Iraqi president. Jordan said the talks went well."
    assert all(
        "JOR" not in _countries(e.actors) for e in _events(engine, text)
    )  # the document's person of that name


def test_who_is_guilty_of_or_responsible_for_an_act_did_it(engine: Engine) -> None:
    text = "The Philippine military is guilty of violating the ceasefire agreement."
    assert _countries(_by_type(engine, text, "ASSAULT").actors) == {"PHL"}
    text = "Iran was responsible for attacking the Saudi tanker."
    assert _countries(_by_type(engine, text, "ASSAULT").actors) == {"IRN"}
    assert "ASSAULT" not in {
        e.type for e in _events(engine, "Iraq is capable of attacking Kuwait.")
    }


def test_a_receiver_is_not_placed_by_its_givers_country(engine: Engine) -> None:
    event = _by_type(engine, "The rebels received weapons from Iran.", "AID")
    assert _countries(event.actors) == {"IRN"}
    assert "IRN" not in _countries(event.recipients)
    event = _by_type(engine, "The rebels in Yemen received weapons from Iran.", "AID")
    assert _countries(event.recipients) == {"YEM"}


def test_an_official_act_with_no_place_has_no_unidentified_attackers() -> None:
    from eventwire.coding import CoderOptions

    engine = Engine.load(coder=CoderOptions(require_actor_country=False))
    events = list(engine.code_text("Two French journalists were arrested.", day=DAY).events)
    assert all(a.sectors != ("UAF",) for e in events for a in e.actors)


def test_a_group_based_in_a_place_of_several_words(engine: Engine) -> None:
    text = "A New York-based human rights group accused Bahrain of torture."
    assert [a.code for a in _by_type(engine, text, "ACCUSE").actors] == ["USA"]
    text = "A Tel Aviv-based monitor said government forces attacked Aleppo."
    assert _countries(_by_type(engine, text, "ASSAULT").actors) == {"SYR"}


def test_an_ngo_named_by_kind_only_takes_the_general_ngo_code(engine: Engine) -> None:
    for text in (
        "An international aid agency appealed to the Sudanese government to lift its ban.",
        "A human rights group accused the Egyptian police of torture.",
        "Several NGOs condemned the Israeli raid.",
        "Non-governmental organisations urged Kenya to free the prisoners.",
    ):
        (event,) = _events(engine, text)
        assert [a.code for a in event.actors] == ["NGO"], text
        assert "unnamed non-governmental organisation" in event.actors[0].evidence
    # a state before the kind makes it that state's; a group of no such kind is no NGO
    (event,) = _events(engine, "An Egyptian rights group accused the police of torture.")
    assert _countries(event.actors) == {"EGY"}
    (event,) = _events(engine, "The rebel group attacked Kenyan troops.")
    assert _countries(event.actors) == {"KEN"}


def test_an_unnamed_ngo_is_not_its_own_recipient(engine: Engine) -> None:
    text = "The plan has been condemned by human rights groups and the Conservatives."
    assert all(not e.recipients for e in _events(engine, text))


def test_what_is_only_asked_about_is_hypothetical(engine: Engine) -> None:
    text = "The White House declined to say whether Obama would meet Putin."
    events = _events(engine, text)
    assert [e.type for e in events] == ["CONSULT"]
    assert events[0].modality is Modality.HYPOTHETICAL


def test_a_lone_surname_the_parser_takes_for_a_place_is_the_person(engine: Engine) -> None:
    # the small model tags "Blinken" GPE and "Lavrov" ORG when they stand alone
    (event,) = _events(engine, "Blinken criticised Russia on Monday.")
    assert [a.code for a in event.actors] == ["USAGOV"]
    (event,) = _events(engine, "Lavrov criticised the United States.")
    assert [a.code for a in event.actors] == ["RUSGOV"]
    # a given name that people.tsv knows only before "bin" is no one's family name
    assert _events(engine, "Yusuf paid tribute to the guitarist.") == []


def test_the_subject_of_a_planned_act_is_its_actor(engine: Engine) -> None:
    (event,) = _events(engine, "Putin is set to meet Erdogan in Sochi.")
    assert (event.type, event.cameo) == ("AGREE", "036")
    assert [a.code for a in event.actors] == ["RUSGOV"]
    (expected,) = _events(engine, "The Iranian foreign minister is expected to visit Moscow.")
    assert expected.modality is Modality.HYPOTHETICAL
    assert [a.code for a in expected.actors] == ["IRNGOV"]


def test_speaking_to_the_media_is_no_meeting(engine: Engine) -> None:
    text = "Speaking to the BBC on Sunday, the British foreign secretary criticised Iran."
    assert [e.type for e in _events(engine, text)] == ["ACCUSE"]
    assert _events(engine, "Putin met Chinese journalists in Moscow.") == []
    (meeting,) = _events(engine, "Putin met Xi in Moscow.")
    assert meeting.type == "CONSULT"


def test_a_pronoun_after_a_speaker_who_is_no_actor_is_that_speaker(engine: Engine) -> None:
    text = (
        "A Paris-based group criticised the plan. "
        "Google told the BBC it was investigating the causes of the problems."
    )
    assert all(e.trigger.text != "investigating" for e in _events(engine, text))
    # a speaker that is an actor but not the pronoun's kind does not stop the search
    text = "Blair met Chirac on Monday. The Tories say he is surrendering a key veto to the EU."
    (event,) = [e for e in _events(engine, text) if e.trigger.text == "surrendering"]
    assert _countries(event.actors) == {"GBR"}


def test_a_place_name_gives_no_sector(engine: Engine) -> None:
    # "the West Bank town": the place's name is no bank
    event = _by_type(
        engine, "Israel withdrew its troops from the West Bank town of Jenin.", "RETREAT"
    )
    assert [r.code for r in event.recipients] == ["PSE"]
    event = _by_type(engine, "Truck drivers in Calais blockaded the port.", "PROTEST")
    assert [a.code for a in event.actors] == ["FRALAB"]


def test_a_sum_in_aid_is_aid(engine: Engine) -> None:
    event = _by_type(engine, "The United States gave Egypt $1.3 billion in military aid.", "AID")
    assert (event.cameo, [r.code for r in event.recipients]) == ("072", ["EGY"])
    event = _by_type(engine, "Saudi Arabia provided 200 million dollars in loans to Jordan.", "AID")
    assert [r.code for r in event.recipients] == ["JOR"]


def test_deploying_units_mobilises_moving_a_firms_units_does_not(engine: Engine) -> None:
    event = _by_type(engine, "Iraq deployed armoured units along the Kuwaiti frontier.", "MOBILIZE")
    assert [a.code for a in event.actors] == ["IRQ"]
    # a firm's units are its businesses
    events = _events(engine, "The American company moved its units to Ohio.")
    assert "MOBILIZE" not in [e.type for e in events]


def test_a_group_named_in_the_singular_before_its_fighters(engine: Engine) -> None:
    event = _by_type(
        engine, "About 3,000 Tamil Tiger guerrillas surrendered to the army.", "RETREAT"
    )
    assert [(a.code, r.code) for a in event.actors for r in event.recipients] == [
        ("LKAREB", "LKAMIL")
    ]


def test_a_for_to_clause_is_wanted_not_done(engine: Engine) -> None:
    # the parser reads "for" as the clause's complementizer, not a preposition of "call"
    text = "Germany and France have repeatedly called for the embargo to be lifted."
    assert [e.type for e in _events(engine, text)] == ["REQUEST"]
    text = "It is time for Israel to withdraw its troops from Lebanon."
    assert "RETREAT" not in [e.type for e in _events(engine, text)]


def test_other_spellings_of_armed_groups(engine: Engine) -> None:
    for word in ("guerillas", "mujahedeen", "jihadis"):
        event = _by_type(engine, f"Afghan {word} attacked an army post near Kabul.", "ASSAULT")
        assert [a.code for a in event.actors] == ["AFGREB"], word


def test_what_a_phrase_leaves_out_is_not_in_it(engine: Engine) -> None:
    event = _by_type(
        engine, "The EU lifted sanctions on all Balkan states except Serbia.", "RETREAT"
    )
    assert "SRB" not in _countries(event.recipients)
    text = "Turkey invited the countries to open dialogue, with the exception of Cyprus."
    assert all("CYP" not in _countries(e.recipients) for e in _events(engine, text))
    text = "All members except Zaire and Australia agreed to the quotas."
    assert all(not _countries(e.actors) & {"COD", "AUS"} for e in _events(engine, text))
