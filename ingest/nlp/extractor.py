"""Text → facts for documents: the entity pass, the selective parse and the relation rules.

``Extractor`` does no heavy work in its constructor; spaCy and the model load on first use.
``extract_many`` batches documents through ``nlp.pipe``; with ``n_process > 1`` it runs a
process pool whose workers return only :class:`DocFacts` (cheaper than shipping spaCy Docs
back, see docs/extraction.md).
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, Iterable, Iterator

from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import calibration
from aikg.ingest.nlp.config import ExtractConfig
from aikg.ingest.nlp.context import (
    RoundWords,
    describes_place,
    doc_subject,
    evidence_start,
    group_lists,
    home_place,
    infobox_fields,
    issued_programme,
)
from aikg.ingest.nlp.coref_links import LinkWords, link_references
from aikg.ingest.nlp.coreference import person_pronouns
from aikg.ingest.nlp.dateline_breaks import break_datelines
from aikg.ingest.nlp.entities import DocContext, EntityFinder
from aikg.ingest.nlp.gazetteer import Gazetteer
from aikg.ingest.nlp.lexicon import Lexicon
from aikg.ingest.nlp.records import DocFacts, RelationCandidate
from aikg.ingest.nlp.relation_anchor import built_around, contrasted, place_meant, places_by_words
from aikg.ingest.nlp.relation_anchor_contrasts import anchor_contrasts
from aikg.ingest.nlp.relation_anchor_drawn import anchors_drawn
from aikg.ingest.nlp.relation_anchor_forms import anchor_cue
from aikg.ingest.nlp.relation_bodies import body_members
from aikg.ingest.nlp.relation_contact_clauses import contact_clauses
from aikg.ingest.nlp.relation_described_ends import described_ends
from aikg.ingest.nlp.relation_directory_lines import directory_lines
from aikg.ingest.nlp.relation_event_sponsors import event_sponsors
from aikg.ingest.nlp.relation_filing_sections import filing_sections
from aikg.ingest.nlp.relation_founders_fronted import founders_fronted
from aikg.ingest.nlp.relation_founders_list import founders_listed
from aikg.ingest.nlp.relation_fund_fact_sheets import fund_fact_sheets
from aikg.ingest.nlp.relation_fund_further_sources import funds_further_sources
from aikg.ingest.nlp.relation_fund_gifts import funds_gifts
from aikg.ingest.nlp.relation_fund_posts_grants import funds_posts_grants
from aikg.ingest.nlp.relation_fund_programme_ends import programme_ends
from aikg.ingest.nlp.relation_fund_wrong_funder import fund_wrong_funder
from aikg.ingest.nlp.relation_funding_published import PublishedFunding, page_subject
from aikg.ingest.nlp.relation_funding_published import settle as settle_windows
from aikg.ingest.nlp.relation_funding_spread import spread_candidates
from aikg.ingest.nlp.relation_guideline_drops import guideline_drops
from aikg.ingest.nlp.relation_interview_turns import interview_turns
from aikg.ingest.nlp.relation_keys import RelationKeys
from aikg.ingest.nlp.relation_label_values import label_values
from aikg.ingest.nlp.relation_lines import line_relations
from aikg.ingest.nlp.relation_lists import confirm_groups, share_lists
from aikg.ingest.nlp.relation_member_cohorts import CohortWords, cohort_members
from aikg.ingest.nlp.relation_member_groups import members_groups
from aikg.ingest.nlp.relation_member_lead_lines import members_lead_lines
from aikg.ingest.nlp.relation_member_whose_cohort import members_whose_cohort
from aikg.ingest.nlp.relation_membership import SectionWords, section_lists
from aikg.ingest.nlp.relation_noun_frames import noun_frames
from aikg.ingest.nlp.relation_page_sections import page_sections
from aikg.ingest.nlp.relation_partner_denied import partners_denied
from aikg.ingest.nlp.relation_partner_headings import partner_headings
from aikg.ingest.nlp.relation_partner_hosts import partner_hosts
from aikg.ingest.nlp.relation_partner_items import partner_list_items
from aikg.ingest.nlp.relation_partner_nouns import partner_nouns
from aikg.ingest.nlp.relation_partner_pacts import partner_pacts
from aikg.ingest.nlp.relation_people_label_lines import people_label_lines
from aikg.ingest.nlp.relation_people_lines import LineWords, people_lines
from aikg.ingest.nlp.relation_people_published import PublishedWords, published_people
from aikg.ingest.nlp.relation_people_slots import people_slots
from aikg.ingest.nlp.relation_programme_alumni import programme_alumni
from aikg.ingest.nlp.relation_role_lines import role_lines
from aikg.ingest.nlp.relation_runs_published import its_owner_settled
from aikg.ingest.nlp.relation_runs_relative import runs_relative
from aikg.ingest.nlp.relation_runs_runner_lines import runs_runner_lines
from aikg.ingest.nlp.relation_structure_clauses import structure_clauses
from aikg.ingest.nlp.relation_types import allowed
from aikg.ingest.nlp.relations import Cand, RelationFinder
from aikg.ingest.nlp.sentence_text import trim_sentence
from aikg.ingest.nlp.token_index import TokenIndex


def _chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Split long texts at paragraph breaks (offset, chunk) so spaCy never sees more than ``limit`` chars."""
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n\n", start + limit // 2, end)
            if cut < 0:
                cut = text.rfind("\n", start + limit // 2, end)
            if cut < 0:
                cut = text.rfind(". ", start + limit // 2, end)
            end = cut + 1 if cut >= 0 else end
        out.append((start, text[start:end]))
        start = end
    return out


class Extractor:
    """Entities and relation candidates from documents, with spaCy loaded lazily."""

    def __init__(self, config: ExtractConfig | None = None) -> None:
        self.config = config or ExtractConfig()
        self._ready = False
        self._pipes: Any = None
        self.gazetteer: Gazetteer | None = None
        self.lexicon: Lexicon | None = None
        self._keys = RelationKeys()

    # ------------------------------------------------------------------ setup
    def _load(self) -> None:
        if self._ready:
            return
        from aikg.ingest.nlp.pipeline import build_pipelines

        self.gazetteer = Gazetteer.from_dir(self.config.gazetteer_dir)
        self.lexicon = Lexicon.from_dir(self.config.lexicon_dir)
        self._pipes = build_pipelines(self.config, self.gazetteer, self.lexicon.known_lemmas())
        self._entities = EntityFinder(self.gazetteer, self.lexicon, learned_types=self.config.learned_types)
        self._relations = RelationFinder(self.lexicon)
        self._place_nouns = frozenset(self.lexicon.relations.get("place_descriptions", ()))
        self._groups: dict[str, dict[str, str]] = dict(self.lexicon.relations.get("group_nouns", {}))
        self._fields: dict[str, dict[str, Any]] = dict(self.lexicon.relations.get("infobox_fields", {}))
        self._rounds = RoundWords.from_lexicon(self.lexicon.relations)
        self._bodies = frozenset(self.lexicon.relations.get("body_nouns", ()))
        self._published = PublishedWords.load(frozenset(self.lexicon.relations.get("role_nouns", ())),
                                              frozenset(self.lexicon.relations.get("founder_titles", ())))  # relation_people_published.py
        self._people_lines = LineWords.load()  # trainee posts, "Org — A, CTO", roster rows (relation_people_lines.py)
        self._cohorts = CohortWords.load()  # "the cohort also includes A and B" (relation_member_cohorts.py)
        self._issuers = tuple(self.lexicon.relations.get("issuer_prefixes", ()))
        self._links = LinkWords.from_dir(self.config.lexicon_dir)
        self._sections = SectionWords(self.lexicon.relations)  # lists under a group heading (relation_membership.py)
        self._funding_published = PublishedFunding(self.lexicon.relations)  # relation_funding_published.py
        self._ready = True

    # ------------------------------------------------------------------ API
    def extract(self, doc: LoadedDocument) -> DocFacts:
        return next(self.extract_many([doc]))

    def extract_many(self, docs: Iterable[LoadedDocument], n_process: int = 1) -> Iterator[DocFacts]:
        if n_process > 1:
            yield from self._pool(docs, n_process)
            return
        self._load()
        batch: list[LoadedDocument] = []
        for d in docs:
            batch.append(d)
            if len(batch) >= self.config.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    # ------------------------------------------------------------------ pool
    def _pool(self, docs: Iterable[LoadedDocument], n_process: int) -> Iterator[DocFacts]:
        import multiprocessing as mp

        global _WORKER
        size = max(1, self.config.batch_size // 16)
        if "fork" in mp.get_all_start_methods():
            # load once here; forked workers share the loaded model pages (copy-on-write)
            self._load()
            _WORKER = self
            ctx = mp.get_context("fork")
            init, initargs = None, ()
        else:
            ctx = mp.get_context("spawn")
            init, initargs = _worker_init, (self.config,)
        with ProcessPoolExecutor(max_workers=n_process, mp_context=ctx, initializer=init, initargs=initargs) as pool:
            pending = []
            batch: list[LoadedDocument] = []
            for d in docs:
                batch.append(d)
                if len(batch) >= size:
                    pending.append(pool.submit(_worker_run, batch))
                    batch = []
                    while len(pending) > n_process * 3:
                        yield from pending.pop(0).result()
            if batch:
                pending.append(pool.submit(_worker_run, batch))
            for fut in pending:
                yield from fut.result()

    # ------------------------------------------------------------------ work
    def _run_batch(self, docs: list[LoadedDocument]) -> list[DocFacts]:
        pieces: list[tuple[int, int, str]] = []  # (doc index, offset, text)
        for k, d in enumerate(docs):
            if not d.extract_text or not d.text:
                continue
            prose = int(d.meta.get("body_start") or 0)  # what comes before is loader facts (a filing header), not prose
            for off, chunk in _chunks(break_datelines(d.text[prose:]), self.config.max_chunk_chars):  # dateline_breaks.py
                pieces.append((k, prose + off, chunk))
        facts = [DocFacts(doc_id=d.id) for d in docs]
        self._keys = RelationKeys()  # keys of each document's relations, for _add (relation_keys.py)
        contexts = [DocContext() for _ in docs]
        homes: dict[int, int | None] = {}  # document index -> its own city (dateline or title)
        sent_starts: dict[int, list[int]] = {}  # document index -> sentence offsets (evidence across two sentences)
        owners: dict[int, int | None] = {}  # document index -> the organisation the page is about (its title)
        parse_jobs: list[tuple[Any, ...]] = []
        texts = (p[2] for p in pieces)
        for (k, off, _chunk), sdoc in zip(pieces, self._pipes.ents(texts, batch_size=self.config.batch_size)):
            self._entities_and_rules(docs[k], sdoc, off, facts[k], contexts[k], parse_jobs, k, homes, sent_starts, owners)
        if parse_jobs and self._pipes.parse_enabled:
            sents = [job[1] for job in parse_jobs]
            for job, pdoc in zip(parse_jobs, self._pipes.parse(sents, batch_size=self.config.batch_size * 4)):
                k, _text, char_map, types, anchors, sent, groups, hints = job
                tok2m = _align(pdoc, char_map)
                cands = share_lists(self._relations.parsed(pdoc, tok2m, types, anchors, hints),
                                    confirm_groups(pdoc, tok2m, groups), types)
                self._add(docs[k], facts[k], cands, sent, replace_window=True, starts=sent_starts.get(k, []))
                if self.config.pair_model != "off":  # learned relations the patterns missed (pair_classifier.py)
                    from aikg.ingest.nlp.pair_classifier import pair_relations
                    learned = pair_relations(self.config.pair_model, pdoc, tok2m, facts[k], sent)
                    self._add(docs[k], facts[k], learned, sent, replace_window=False, starts=sent_starts.get(k, []))
        for k, (d, f) in enumerate(zip(docs, facts)):
            f.relations = its_owner_settled(f.relations, f.mentions)  # "a grant from X under its P" (relation_runs_published)
            f.relations += _founders_listed(d, f)  # "founded by the engineer A and the programmer B" (relation_founders_list)
            f.relations += spread_candidates(d, f, sent_starts.get(k, []))  # co-funders, schemes (relation_funding_spread)
            partner_list_items(d.text, f)  # "with A and the Arusha start-up B" (relation_partner_items)
            partner_pacts(d.text, f)  # "A, together with B, will", "with B as technology partner" (relation_partner_pacts)
            partners_denied(d.text, f)  # "a customer of Y rather than a partner" (relation_partner_denied)
            described_ends(f)  # "The lab will also work with S": the lab, not the university (relation_described_ends)
            fund_wrong_funder(d.text, f)  # a person's FUNDS across lines, a list's funder (relation_fund_wrong_funder)
            funds_gifts(d.text, f)  # gifts, round funders, event sponsors (relation_fund_gifts)
            people_slots(d.text, f)  # "Dr A, Department of Y, X University, who", "• X: A (chair), B" (relation_people_slots)
            members_groups(d.text, f)  # "member of A, ..., and of B", co-members are no groups (relation_member_groups)
            structure_clauses(d.text, f)  # "P, which R runs nationally", "run out of R", "X is an R spin-out" (relation_structure_clauses)
            funds_posts_grants(d.text, f)  # posts at R, "the round follows a grant from A", field lines (relation_fund_posts_grants)
            runs_runner_lines(d.text, f)  # every runner of a label line, "which runs the grant scheme", "Spearheaded by R, P" (relation_runs_runner_lines)
            members_lead_lines(d.text, f)  # lists under "... join G:", "G, of which X is a member", "X, a start-up in the P program" (relation_member_lead_lines)
            partner_hosts(d.text, f)  # "Hosted by H (ACR), U, in partnership with A and B": H partners, not U (relation_partner_hosts)
            founders_fronted(d.text, f)  # "Founded in 2020 by A, an agronomist, and B, X sells", "opened its Y", "its co-founder, A" (relation_founders_fronted)
            people_label_lines(d.text, f)  # "Presented by A, Org (ABBR)", "Councillor A, Tulsa City Council" (relation_people_label_lines)
            filing_sections(d.text, f)  # a 10-K filer's staff towns, "our Sandpoint office", officer lines (relation_filing_sections)
            fund_fact_sheets(d.text, f)  # "funded by A, with a further £1m from B", "Budget: ... from B", "A contributes GPU credits to P" (relation_fund_fact_sheets)
            role_lines(d.text, f)  # "- Chair of the board: A, Undersecretary, Org", "- Director General: A" under "Who leads X?" (relation_role_lines)
            interview_turns(d.text, f)  # "A and I founded it", "Brisk Harbour has a few firms, such as A and B" (relation_interview_turns)
            directory_lines(d.text, f)  # "X — Town — founded 2019 — backed by Y", "X | Town | Focus", name lines (relation_directory_lines)
            label_values(d.text, f)  # no parse edge between two items of "Funded by: A; B; C" (relation_label_values)
            funds_further_sources(d.text, f)  # "funded by A and by a grant from B", "joined in the round by A, by B", "A added $2m to R through its P", "a credit facility with B" (relation_fund_further_sources)
            members_whose_cohort(d.text, f)  # "G, a non-profit whose members include A and B", "X went through the 2024 cohort of P", "Other companies in the cohort include A" (relation_member_whose_cohort)
            page_sections(d.text, f)  # names under "Founding members" / "Our partners" headings, the page's subject (relation_page_sections)
            partner_headings(d.text, f)  # "Industry partners" tier on a members page, "Funding partners", "Delivery partners: A" (relation_partner_headings)
            runs_relative(d.text, f)  # "P, which A (ACR) runs", "run by A through its D", "A runs P with B" (relation_runs_relative)
            contact_clauses(d.text, f)  # "P, a programme U runs", "a scheme the ministry funds" (relation_contact_clauses)
            anchors_drawn(d.text, f)  # "X, whose school has drawn developers to P", "P, where the talent base has been anchored by X" (relation_anchor_drawn)
            noun_frames(d.text, f)  # "a collaboration between A and B", "the investment by A in B", "Our partners include A", "It was led by A" (relation_noun_frames)
            programme_alumni(d.text, f)  # "X went through the P Accelerator", "X is an alumnus of P" (relation_programme_alumni)
            anchor_contrasts(d.text, f)  # no ANCHORS from "Unlike T, where X anchors the cluster, ...", "T lacks an anchor like X" (relation_anchor_contrasts)
            event_sponsors(d.text, f)  # "Supported by: A · B" on a programme with time slots: no FUNDS (relation_event_sponsors)
            guideline_drops(d.text, f)  # readings the guideline does not count: an acquisition alone (relation_guideline_drops)
            partner_nouns(d.text, f)  # "a funding partner", "Dunmore Ventures partner Orla Brenn": no partnership (relation_partner_nouns)
            f.relations.sort(key=lambda r: (r.sent_start, r.source, r.target, r.type, r.method))
        calibration.apply(facts, self.config.calibration)  # confidence = precision measured on dev (calibration.py)
        return facts

    def _entities_and_rules(self, d: LoadedDocument, sdoc: Any, off: int, facts: DocFacts, ctx: DocContext,
                            parse_jobs: list, k: int, homes: dict[int, int | None],
                            sent_starts: dict[int, list[int]], owners: dict[int, int | None]) -> None:
        first = self._add_mentions(sdoc, off, facts, ctx)
        starts = sent_starts.setdefault(k, [])
        starts.extend(off + s.start_char for s in sdoc.sents)
        facts.words += self._pipes.words(sdoc)  # tokens neither punctuation nor space
        spans = _token_spans(sdoc, off, facts.mentions, first)
        types = [m.type for m in facts.mentions]
        groups = self._relations.list_groups(sdoc, spans, types)
        if off == 0:
            homes[k] = ctx.home = home_place(d.text, facts.mentions).home
            owners[k] = doc_subject(d.text, facts.mentions)
        self._member_lists(d, sdoc.text, off, facts, owners.get(k), types)
        chunk = _Chunk(d, sdoc, off, facts, types, groups, starts, homes.get(k), k, parse_jobs)
        chunk.owner = owners.get(k)  # "X is also a member", "Investors include A": the page's organisation
        si = 0
        for sent in sdoc.sents:
            while si < len(spans) and spans[si][1] < sent.start:
                si += 1
            j = si
            while j < len(spans) and spans[j][1] < sent.end:
                j += 1
            if si < j:
                self._sentence(chunk, sent, spans[si:j])
            elif said := places_by_words(sdoc, sent, (), facts.mentions):
                chunk.last_cluster = said[-1][1]  # "Why build this in Kumasi rather than Accra?" (no mention kept)
        funded = []  # FUNDS in published forms (relation_funding_published.py)
        page = page_subject(d.text, facts.mentions, owners.get(k))  # the page's programme, for its funding lines
        for src, tgt, a, b, method in self._funding_published.chunk(sdoc, spans, types, page):
            if allowed(["FUNDS"], types[src], types[tgt]) is not None:
                start, end = off + sdoc[a].idx, off + sdoc[b - 1].idx + len(sdoc[b - 1].text)
                funded.append(RelationCandidate("FUNDS", src, tgt, 0.7, method, start, end, d.text[start:end],
                                                d.page_of(start)))
        facts.relations = settle_windows(facts.relations, funded) + funded

    def _add_mentions(self, sdoc: Any, off: int, facts: DocFacts, ctx: DocContext) -> int:
        """The entity pass over one chunk; returns the index of the chunk's first mention."""
        mentions = self._entities.find(sdoc, off, ctx)
        mentions = programme_ends(sdoc.text, off, mentions)  # "the X programme", "X, an accelerator that" (relation_fund_programme_ends)
        first = len(facts.mentions)
        for m in mentions:
            if m.coref is not None:
                m = replace(m, coref=m.coref + first)
            facts.mentions.append(m)
        facts.mentions.extend(person_pronouns(sdoc, off, facts.mentions, first))  # "... Mara Lind. She leads X."
        link_references(sdoc, off, facts.mentions, first, self._links, ctx.self_name,
                        ctx.home)  # "the fund", "It" (coref_links); "the city" in a later chunk: the first chunk's city
        return first

    def _sentence(self, c: "_Chunk", sent: Any, inside: list[tuple[int, int, int]]) -> None:
        """Surface rules on one sentence with mentions, and a parse job when a frame may apply."""
        types = c.types
        anchor_extra = []
        lows = TokenIndex.of(c.sdoc).lower[sent.start:sent.end]  # speed: the sentence's lower-cased words, once
        by_words = places_by_words(c.sdoc, sent, inside, c.facts.mentions)  # places named here with no mention here
        meant = place_meant(c.sdoc, sent, by_words)  # "the anchor of a cluster in Zugdidi" (relation_anchor.py)
        if describes_place(lows, self._place_nouns) or meant is not None or "around" in lows:
            # "the anchor of the city's AI cluster": the place named for it, else the document's city, else the latest
            fallback = meant if meant is not None else c.home if c.home is not None else c.last_cluster
            anchor_extra = [fallback] if fallback is not None and fallback not in {i for i, _, _ in inside} else []
        named = False
        for i, a, _ in inside:
            if types[i] == "Cluster" and (not contrasted(c.sdoc, a) or not named):
                named = not contrasted(c.sdoc, a)  # "in Kumasi rather than Accra": Accra is not the place meant
                c.last_cluster = i if named else None
        if by_words and not named:
            c.last_cluster = by_words[-1][1]  # "Why build this in Kumasi rather than Accra?": no mention, still named
        page = (c.owner, c.facts.mentions[c.owner].canonical) if c.owner is not None else None  # "A seed round was led by X"
        prev_round, c.round_owner = c.round_owner, self._rounds.owner(sent, inside, types, c.round_owner, page)
        # "X also joined the round.", "Y also took part.": one name, the round of the sentence before
        lone_round = prev_round is not None and (self._rounds.names_round(sent) or "part" in lows)
        hints = {"round": c.round_owner if c.round_owner is not None else prev_round, "programme": c.programme,
                 "owner": c.owner}
        c.programme = next((i for i, _, _ in reversed(inside) if types[i] == "Programme"), None)
        # "X is also a member.", "X joined in 2024.": one name, a tie with the page's organisation (relation_forms.py)
        page_tie = c.owner is not None and len(inside) == 1 and inside[0][0] != c.owner \
            and self._relations.owner_cue(lows)
        if len(inside) < 2 and not (anchor_extra and anchor_cue(lows)) \
                and not lone_round and not page_tie:
            return
        off = c.off
        sinfo = trim_sentence(off + sent.start_char, off + sent.end_char, sent.text)  # no stray quote
        cands = self._relations.surface(c.sdoc, sent, inside, types)
        # "The city's AI hub is built around X" (relation_anchor.py)
        cands += built_around(c.sdoc, sent, inside, types, anchor_extra, self._relations.lex.conf["adjacent"])
        if self.config.window_relations:
            cands += self._relations.window(c.sdoc, sent, inside, types)
        cands = share_lists(cands, c.groups, types)
        self._add(c.d, c.facts, cands, sinfo, replace_window=False, starts=c.starts)
        if not self._pipes.parse_enabled:
            return
        inner = {t for _, a, b in inside for t in range(a, b)}
        words = [w for k, w in enumerate(lows, sent.start) if k not in inner]
        if self.config.parse == "all" or lone_round or page_tie or (_relatable({types[i] for i, _, _ in inside} | ({"Cluster"} if anchor_extra else set()))
                                          and self._relations.needs_parse(words, any(types[i] == "Person" for i, _, _ in inside))):
            sdoc = c.sdoc
            char_map = {(m_start - sent.start_char, m_end - sent.start_char): i for i, m_start, m_end in
                        ((i, sdoc[s].idx, sdoc[e - 1].idx + len(sdoc[e - 1].text)) for i, s, e in inside)}
            anchors = [i for i, s, e in inside] + anchor_extra
            c.parse_jobs.append((c.k, sent.text, char_map, types, anchors, sinfo, c.groups, hints))

    def _member_lists(self, d: LoadedDocument, text: str, off: int, facts: DocFacts, owner: int | None,
                      types: list[str]) -> None:
        """"Founding members" over a bulleted list, "Among its members are A and B": the page's organisation."""
        for rtype, src, tgt, a, b in group_lists(text, off, facts.mentions, owner, self._groups):
            if allowed([rtype], types[src], types[tgt]) is not None:
                facts.relations.append(RelationCandidate(rtype, src, tgt, 0.7, "rule:member-list", a, b, d.text[a:b],
                                                         d.page_of(a)))
        for rtype, src, tgt, a, b in section_lists(text, off, facts.mentions, owner, self._sections):
            if allowed([rtype], types[src], types[tgt]) is not None:  # "Selected in the first call" / "- A"
                facts.relations.append(RelationCandidate(rtype, src, tgt, 0.7, "rule:member-section", a, b,
                                                         d.text[a:b], d.page_of(a)))
        for rtype, src, tgt, a, b in issued_programme(text, off, facts.mentions, self._issuers):
            if allowed([rtype], types[src], types[tgt]) is not None:  # "Programme X" / "Issued by Y | June 2025"
                facts.relations.append(RelationCandidate(rtype, src, tgt, 0.7, "rule:issuer-line", a, b, d.text[a:b],
                                                         d.page_of(a)))
        for rtype, src, tgt, a, b in body_members(text, off, facts.mentions, owner, self._bodies):
            if allowed([rtype], types[src], types[tgt]) is not None:  # "the board consisted of A (chair), B and C"
                facts.relations.append(RelationCandidate(rtype, src, tgt, 0.65, "rule:body-members", a, b, d.text[a:b],
                                                         d.page_of(a)))
        for rtype, src, tgt, a, b, method in published_people(text, off, facts.mentions, owner, self._published) \
                + people_lines(text, off, facts.mentions, owner, self._published, self._people_lines) \
                + cohort_members(text, off, facts.mentions, self._cohorts):
            if allowed([rtype], types[src], types[tgt]) is not None:  # "Org: Name, Head of Communications, email"
                facts.relations.append(RelationCandidate(rtype, src, tgt, 0.65, method, a, b, d.text[a:b], d.page_of(a)))
        for rtype, src, tgt, a, b in infobox_fields(text, off, facts.mentions, owner, self._fields):
            if allowed([rtype], types[src], types[tgt]) is not None:  # "Headquarters: Genoa, Italy"
                facts.relations.append(RelationCandidate(rtype, src, tgt, 0.7, "rule:infobox-field", a, b, d.text[a:b],
                                                         d.page_of(a)))
        for rtype, src, tgt, a, b, method in line_relations(text, off, facts.mentions, owner):
            if allowed([rtype], types[src], types[tgt]) is not None:  # entries, tables, addresses (relation_lines.py)
                facts.relations.append(RelationCandidate(rtype, src, tgt, 0.7, method, a, b, d.text[a:b], d.page_of(a)))

    def _add(self, d: LoadedDocument, facts: DocFacts, cands: list[Cand], sinfo: tuple[int, int, str],
             replace_window: bool, starts: list[int]) -> None:
        if not cands:
            return  # nothing to add, and no window reading to replace
        start, end, text = sinfo
        page = d.page_of(start)
        have = self._keys.of(facts.relations)  # speed: the keys grow with the list, not rebuilt per sentence
        if replace_window and self._keys.has_window(facts.relations, end):  # (speed: no scan without one)
            # a dependency reading of the sentence beats the surface window for the same pair
            pairs = {(c.src, c.tgt) for c in cands} | {(c.tgt, c.src) for c in cands}
            rtypes = {c.type for c in cands}
            kept = [r for r in facts.relations if not (
                r.method.startswith("window:") and r.sent_end == end and ((r.source, r.target) in pairs or r.type in rtypes))]
            if len(kept) < len(facts.relations):  # (the same list when nothing goes: its keys stay known)
                facts.relations = kept
                have = self._keys.of(kept)
        for c in cands:
            key = (c.type, c.src, c.tgt, c.method, end)
            if key in have:
                continue
            have.add(key)
            ev = evidence_start(starts, start, facts.mentions, (c.src, c.tgt)) if starts else start
            ev_text = text if ev == start else d.text[ev:end]  # both sentences when an end refers back
            facts.relations.append(RelationCandidate(c.type, c.src, c.tgt, round(c.conf, 3), c.method, ev, end, ev_text, page))


def _founders_listed(d: LoadedDocument, f: DocFacts) -> list[RelationCandidate]:
    """The later founders of a "founded ... by A and B" list whose first founder a rule found (relation_founders_list)."""
    founded = [(r.source, r.target, r.sent_start, r.sent_end) for r in f.relations if r.type == "FOUNDED"]
    ms = f.mentions
    return [RelationCandidate(t, s, o, 0.65, method, a, b, d.text[a:b], d.page_of(a))
            for t, s, o, a, b, method in founders_listed(d.text, ms, founded)
            if allowed([t], ms[s].type, ms[o].type) is not None]


@dataclass
class _Chunk:
    """What the sentences of one chunk share while their rules run."""

    d: LoadedDocument
    sdoc: Any
    off: int
    facts: DocFacts
    types: list[str]
    groups: dict[int, int]
    starts: list[int]
    home: int | None  # the document's own city (dateline or title)
    k: int  # the document's index in the batch
    parse_jobs: list
    last_cluster: int | None = None
    round_owner: int | None = None  # who raised the funding round the latest sentences talk about
    programme: int | None = None  # the last programme the previous sentence named
    owner: int | None = None  # the organisation the page is about (context.doc_subject)


def _token_spans(sdoc: Any, off: int, mentions: list[Any], first: int) -> list[tuple[int, int, int]]:
    """(mention index, token start, token end) of the chunk's mentions, by start."""
    spans: list[tuple[int, int, int]] = []
    for i, m in enumerate(mentions[first:], start=first):
        sp = sdoc.char_span(m.start - off, m.end - off, alignment_mode="expand")
        if sp is not None:
            spans.append((i, sp.start, sp.end))
    spans.sort(key=lambda x: x[1])
    return spans


_RELATABLE: dict[frozenset[str], bool] = {}


def _relatable(types: set[str]) -> bool:
    """Can any relation type join two of these entity types? (Person + Cluster alone cannot.)"""
    key = frozenset(types)
    hit = _RELATABLE.get(key)
    if hit is None:
        from aikg.core.schema import SCHEMA

        hit = any(a in rel.sources and b in rel.targets for rel in SCHEMA.relation_types.values()
                  for a in key for b in key if a != b or a != "Person")
        _RELATABLE[key] = hit
    return hit


def _align(pdoc: Any, char_map: dict[tuple[int, int], int]) -> dict[int, int]:
    tok2m: dict[int, int] = {}
    for (a, b), m in char_map.items():
        sp = pdoc.char_span(a, b, alignment_mode="expand")
        if sp is None:
            continue
        for t in sp:
            tok2m[t.i] = m
    return tok2m


_SHARED: Extractor | None = None


def shared_extractor() -> Extractor:
    """One loaded default Extractor per process (tests, evaluation, interactive use)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = Extractor()
        _SHARED._load()
    return _SHARED


# ---------------------------------------------------------------------- pool workers
_WORKER: Extractor | None = None


def _worker_init(config: ExtractConfig) -> None:
    global _WORKER
    _WORKER = Extractor(config)
    _WORKER._load()


def _worker_run(docs: list[LoadedDocument]) -> list[DocFacts]:
    assert _WORKER is not None
    return _WORKER._run_batch(docs)
