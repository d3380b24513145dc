"""Near-duplicate articles: wire copies and light rewrites share a story; different reports do not."""

from sitrep.resolve.stories import StoryIndex, signature, signature_bytes, signature_from_bytes

WIRE = (
    "MAIDUGURI, Nigeria — Gunmen suspected to be members of a jihadist faction attacked a convoy of "
    "traders on the road between Maiduguri and Damboa on Tuesday, killing at least seven people and "
    "setting four trucks on fire, a local militia leader said. The attackers opened fire from both sides "
    "of the road before looting goods from the trucks, said Babakura Kolo, who leads a vigilante group "
    "in the area. Soldiers arrived about an hour later and the attackers fled into the bush."
)
# The same wire story as a second outlet printed it: new headline line, one sentence cut, one reworded.
SYNDICATED = (
    "Seven killed as gunmen attack traders near Maiduguri. "
    "MAIDUGURI, Nigeria — Gunmen suspected to be members of a jihadist faction attacked a convoy of "
    "traders on the road between Maiduguri and Damboa on Tuesday, killing at least seven people and "
    "setting four trucks on fire, a local militia leader said. The gunmen opened fire from both sides "
    "of the road before looting goods from the trucks, said Babakura Kolo, who leads a vigilante group "
    "in the area."
)
OTHER_REPORT = (
    "Insurgents killed seven traders in an ambush on a highway in Borno state, the army said on Wednesday. "
    "Troops pursued the attackers and recovered two trucks, a military spokesman told reporters in Abuja, "
    "adding that operations were continuing in the Sambisa forest."
)


def test_syndicated_copy_joins_the_story_of_the_original():
    index = StoryIndex()
    first_story, _, first_match = index.assign("a1", WIRE)
    second_story, _, match = index.assign("a2", SYNDICATED)
    assert first_match is None and first_story == "a1"
    assert second_story == "a1"
    assert match is not None and match.article_id == "a1" and match.similarity >= 0.5


def test_a_different_report_of_the_same_event_is_a_different_story():
    index = StoryIndex()
    index.assign("a1", WIRE)
    story, _, match = index.assign("a3", OTHER_REPORT)
    assert story == "a3" and match is None


def test_signatures_round_trip_through_bytes_and_reload_the_index():
    stored = signature_bytes(signature(WIRE))
    index = StoryIndex()
    index.add("a1", signature_from_bytes(stored), "story-1")
    story, _, match = index.assign("a2", SYNDICATED)
    assert story == "story-1" and match.article_id == "a1"


def test_assigning_the_same_article_twice_is_idempotent():
    index = StoryIndex()
    index.assign("a1", WIRE)
    index.assign("a1", WIRE)
    assert len(index) == 1
