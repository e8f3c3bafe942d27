#!/usr/bin/env python3
"""Render the two PDF think-tank reports of the sample corpus into data/samples/.

The report texts live in this file (so that the sample folder holds only the rendered
PDFs). Each report gets a cover page, numbered pages with a running header, and PDF
metadata: title, author, subject, keywords and a creation date equal to the report's
publication date (via SOURCE_DATE_EPOCH, which also makes the output byte-for-byte
reproducible).

Usage:  python scripts/make_sample_pdfs.py [OUTDIR]      (default: data/samples)
Needs reportlab (in the project's test extras).
"""
from __future__ import annotations

import calendar
import datetime as dt
import os
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent

ASIA_TEXT = """
# Summary
Asia now hosts several of the world's most important AI clusters, but they differ sharply in how they are organised. Singapore runs a tightly coordinated national programme; Seoul and Tokyo rely on large industrial groups and new state compute schemes; Bengaluru combines global corporate laboratories with a fast-growing start-up scene; and Beijing and Shenzhen form the core of China's model and hardware industries. This report profiles each cluster, its anchors, its funding channels and the people who connect it to other hubs.
# Singapore
Singapore has positioned itself as Southeast Asia's AI hub. AI Singapore (AISG), the national AI programme, is run under the National Research Foundation (NRF), which also funds it, and the programme is hosted by the National University of Singapore (NUS). AISG runs the AI Apprenticeship Programme, which has trained several hundred engineers since 2018, and it leads the development of SEA-LION, a family of language models for Southeast Asian languages.
NUS is the anchor institution of the Singapore cluster, drawing researchers and corporate laboratories to the city-state. The Agency for Science, Technology and Research (A*STAR) is the other pillar of public research, and A*STAR partners with NUS on a joint AI doctoral scheme. The Infocomm Media Development Authority (IMDA) runs the National Multimodal LLM Programme together with A*STAR, and the programme funds AISG's model work.
Private activity is substantial. Grab and Sea Limited, both headquartered in Singapore, run large applied-AI teams, and Google, Microsoft and Amazon Web Services operate regional cloud and research offices in the city-state.
# Seoul
Seoul and its neighbouring cities form Korea's AI cluster. Seoul National University (SNU) anchors the cluster's academic research, and Samsung Electronics, headquartered in Suwon just south of the capital, funds a large share of the country's industrial AI research. Naver, based in Seongnam, develops the HyperCLOVA X family of models and partners with Seoul National University on a joint AI research centre. KAIST, located in Daejeon, is the country's leading science university.
The Ministry of Science and ICT (MSIT) runs the Independent AI Foundation Model Project, selected in 2025, under which LG AI Research, Naver Cloud, SK Telecom, NC AI and Upstage are each building national foundation models with government-funded compute. LG AI Research is based in Seoul, and the minister, Bae Kyung-hoon, previously led it.
# Bengaluru
Bengaluru, also known as Bangalore, is India's technology capital. The Indian Institute of Science (IISc) is the anchor institution of the Bengaluru cluster, and IISc partners with the Government of Karnataka on ARTPARK, an AI and robotics technology park on the IISc campus. Google Research India and Microsoft Research India are both located in Bengaluru, as are the headquarters of Infosys and Wipro.
The IndiaAI Mission, approved in 2024, is run by the Ministry of Electronics and Information Technology (MeitY) and subsidises GPU access for start-ups and researchers. The IndiaAI Mission funds Sarvam AI, a Bengaluru-based start-up founded by Vivek Raghavan and Pratyush Kumar, to build a sovereign foundation model. Krutrim, the AI company founded by Bhavish Aggarwal, is also headquartered in Bengaluru.
# Beijing, Shenzhen and Hangzhou
Beijing is China's leading hub for foundation models. Tsinghua University anchors the Beijing cluster, producing many of the founders of the city's model companies. Zhipu AI, a Tsinghua spin-out, and Moonshot AI, founded by Yang Zhilin, are both headquartered in Beijing, and Alibaba has invested in both. The Beijing Academy of Artificial Intelligence (BAAI) is funded by the Beijing municipal government and partners with Peking University and Tsinghua University on open research.
Andrew Ng, an adjunct professor at Stanford University, served as chief scientist of Baidu, which is headquartered in Beijing, making him an early bridge between the Bay Area and Beijing. Baidu continues to develop the ERNIE family of models.
Shenzhen is the hardware capital: Tencent and Huawei are headquartered in Shenzhen, and the city's supply chain makes it the natural base for robotics and device companies. Hangzhou, home to Alibaba, is also where DeepSeek is based; DeepSeek is funded by the hedge fund High-Flyer, and both were founded by Liang Wenfeng.
# Tokyo
Tokyo is Japan's AI centre. The University of Tokyo anchors the cluster, and its Matsuo Laboratory has seeded dozens of start-ups. The RIKEN Center for Advanced Intelligence Project (AIP), part of RIKEN, has its main laboratory in Tokyo.
The Ministry of Economy, Trade and Industry (METI) runs the Generative AI Accelerator Challenge (GENIAC) together with the New Energy and Industrial Technology Development Organization (NEDO). GENIAC funds Japanese developers' access to computing for foundation models, and Sakana AI and ELYZA have both received GENIAC support.
Sakana AI, headquartered in Tokyo, was co-founded by David Ha and Llion Jones, and NVIDIA has invested in Sakana AI. Before founding Sakana AI, David Ha was head of strategy at Stability AI, the London-based model developer, which makes him a bridge between Tokyo and London. Preferred Networks, also based in Tokyo, partners with Toyota on robotics. SoftBank, headquartered in Tokyo, has formed a joint venture with OpenAI to sell enterprise AI in Japan.
# Cross-cluster observations
Three patterns stand out. First, states are the main funders of compute: the NRF, MSIT, MeitY and METI all run programmes that pay for GPU time. Second, the anchors are universities, not companies: NUS, SNU, IISc, Tsinghua University and the University of Tokyo play the role that Stanford University and the University of Toronto play elsewhere. Third, people still move between clusters: the careers of Andrew Ng and David Ha show how expertise travels between Asia, the Bay Area and London.
# Recommendations
Governments in the region should publish the results of their compute programmes in comparable form, support researcher exchanges between clusters, and avoid tying support to a single national champion. Start-ups should be able to use programmes such as GENIAC and the IndiaAI Mission without committing to one cloud provider.
"""

NORTH_AMERICA_TEXT = """
# Summary
The United States still hosts the largest concentration of AI talent, capital and computing power in the world, but that concentration is not uniform. This report examines five American clusters, the San Francisco Bay Area, Seattle, Boston, Pittsburgh and New York, and their ties to Toronto and to newer hubs abroad. For each cluster we identify the anchor institutions, the main companies, the programmes that support them and the people who connect them.
# The San Francisco Bay Area
The San Francisco Bay Area remains the world's leading AI hub. Stanford University and the University of California, Berkeley are the anchor institutions of the Bay Area cluster, drawing graduate students from around the world and feeding a steady flow of founders into local start-ups. The Stanford Institute for Human-Centered Artificial Intelligence (HAI) was co-founded by Fei-Fei Li and John Etchemendy in 2019; Li also founded World Labs, a San Francisco start-up building spatial intelligence models.
The frontier laboratories are concentrated in San Francisco. OpenAI, headquartered in San Francisco, is funded by Microsoft, which has invested more than ten billion dollars in the company, and by MGX of Abu Dhabi, among others. Anthropic, also based in San Francisco, was founded by Dario Amodei and Daniela Amodei; Amazon and Google have each invested billions in Anthropic. NVIDIA, headquartered in Santa Clara, supplies most of the chips on which these laboratories train. Google is headquartered in Mountain View, and Meta is headquartered in Menlo Park.
# Seattle
Seattle's AI cluster is built around cloud computing. Microsoft is headquartered in Redmond and Amazon in Seattle, and together they employ more machine-learning engineers than any other metropolitan pair in the country. The University of Washington's Paul G. Allen School of Computer Science and Engineering is the anchor institution of the Seattle cluster. The Allen Institute for AI (Ai2), founded by Microsoft co-founder Paul Allen, is based in Seattle and is led by Ali Farhadi, who is also a professor at the University of Washington. Amazon funds the UW and Amazon Science Hub, which supports joint research with the University of Washington.
# Boston
Boston's strength is its universities. The Massachusetts Institute of Technology (MIT) is the anchor institution of the Boston cluster, and its Computer Science and Artificial Intelligence Laboratory (CSAIL) is one of the largest academic AI laboratories in the world. IBM funds the MIT-IBM Watson AI Lab, a research partnership between IBM and MIT based in Cambridge, Massachusetts. Harvard University and Northeastern University also run large AI research groups.
In 2024 Governor Maura Healey launched the Massachusetts AI Hub, which is run by the Massachusetts Technology Collaborative (MassTech) and is funded by the Commonwealth of Massachusetts. The hub offers companies and researchers access to computing and to workforce grants.
# Pittsburgh
Pittsburgh's AI cluster is anchored by Carnegie Mellon University (CMU), whose School of Computer Science and Robotics Institute attract robotics researchers and autonomy companies to the city. Aurora Innovation, the self-driving trucking company, is headquartered in Pittsburgh and has hired heavily from CMU. Eric Xing, a professor at Carnegie Mellon University, is also president of the Mohamed bin Zayed University of Artificial Intelligence in Abu Dhabi, which makes him a direct link between Pittsburgh and the Gulf.
CMU leads the AI Institute for Societal Decision Making, one of the National AI Research Institutes funded by the National Science Foundation (NSF).
# New York
New York has grown into a serious AI hub, driven by finance, media and a large university sector. Yann LeCun, a professor at New York University, was for many years the chief AI scientist at Meta, which links New York to Menlo Park. Hugging Face, the open-source AI platform, has its main American office in New York.
Empire AI, a consortium launched by New York State in 2024, pools computing for the state's research universities; New York University and Columbia University are founding members of Empire AI, which is funded by New York State together with its member institutions.
# Federal programmes
The National Science Foundation runs the National AI Research Institutes programme, which funds multi-university institutes across the country, and the NSF also runs the National AI Research Resource (NAIRR) Pilot, which gives researchers access to computing and datasets contributed by agencies and companies. NVIDIA and Microsoft are among the companies that contribute resources to the NAIRR Pilot.
# Ties to Toronto
Toronto is tightly connected to the American clusters. Geoffrey Hinton, a co-founder of the Vector Institute in Toronto, worked at Google for a decade, which links Toronto to Mountain View. NVIDIA, which sponsors the Vector Institute, is also a partner of the Alan Turing Institute in London and of G42 in Abu Dhabi, making it the most widely shared industrial partner of cluster anchors worldwide.
# Funding flows
| funder | recipient | form |
| Microsoft | OpenAI | equity investment |
| Amazon | Anthropic | equity investment |
| Google | Anthropic | equity investment |
| IBM | MIT-IBM Watson AI Lab | research funding |
| National Science Foundation | National AI Research Institutes | federal grants |
| Commonwealth of Massachusetts | Massachusetts AI Hub | state funding |
# Recommendations
Federal and state programmes should be coordinated so that compute support reaches smaller clusters such as Pittsburgh, not only the Bay Area. Universities should make it easier for faculty to hold joint appointments with laboratories abroad, since these people are the main channel through which American clusters stay connected to the rest of the world.
"""

REPORTS = [
    {
        "file": "asia_ai_clusters_report.pdf",
        "title": "Asia's AI Clusters: Singapore, Seoul, Bengaluru, Beijing and Tokyo",
        "author": "Pacific Technology Policy Forum",
        "date": "2025-10-15",
        "date_text": "Research report, 15 October 2025",
        "subject": "AI clusters in Asia: anchors, programmes, funding and people",
        "keywords": "AI clusters, Singapore, Seoul, Bengaluru, Beijing, Shenzhen, Tokyo",
        "text": ASIA_TEXT,
    },
    {
        "file": "north_america_ai_corridors_report.pdf",
        "title": "America's AI Corridors: Five Clusters and Their Ties Abroad",
        "author": "Hudson Ridge Policy Institute",
        "date": "2026-02-02",
        "date_text": "Policy report, 2 February 2026",
        "subject": "AI clusters in the United States and their links to Toronto, London and the Gulf",
        "keywords": "AI clusters, Bay Area, Seattle, Boston, Pittsburgh, New York, Toronto",
        "text": NORTH_AMERICA_TEXT,
    },
]


def _styles():
    ss = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("T", parent=ss["Title"], fontSize=24, leading=30, spaceAfter=18),
        "subtitle": ParagraphStyle("ST", parent=ss["Normal"], fontSize=13, leading=18,
                                   alignment=TA_CENTER, textColor=colors.HexColor("#444444")),
        "h1": ParagraphStyle("H1", parent=ss["Heading1"], fontSize=15, leading=19,
                             spaceBefore=12, spaceAfter=6),
        "body": ParagraphStyle("B", parent=ss["BodyText"], fontSize=10.5, leading=15, spaceAfter=7),
        "cell": ParagraphStyle("C", parent=ss["BodyText"], fontSize=9.5, leading=12),
    }


def _table(rows, st):
    data = [[Paragraph(escape(c), st["cell"]) for c in r] for r in rows]
    t = Table(data, colWidths=[5.5 * cm, 5.5 * cm, 5 * cm], hAlign="LEFT")
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return t


def story_for(report, st):
    story = [Spacer(1, 5 * cm), Paragraph(escape(report["title"]), st["title"]),
             Paragraph(escape(report["author"]), st["subtitle"]), Spacer(1, 0.4 * cm),
             Paragraph(escape(report["date_text"]), st["subtitle"]), PageBreak()]
    rows = []
    for line in report["text"].strip().splitlines() + [""]:
        line = line.strip()
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip("|").split("|")])
            continue
        if rows:
            story += [_table(rows, st), Spacer(1, 0.3 * cm)]
            rows = []
        if not line:
            continue
        if line.startswith("# "):
            story.append(Paragraph(escape(line[2:]), st["h1"]))
        else:
            story.append(Paragraph(escape(line), st["body"]))
    return story


def render(report, outdir: Path) -> Path:
    st = _styles()
    day = dt.date.fromisoformat(report["date"])
    # CreationDate/ModDate of the PDF = publication date; also makes output reproducible.
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(day.timetuple()))
    out = outdir / report["file"]

    def on_page(canv, doc):
        if doc.page == 1:
            return
        canv.saveState()
        canv.setFont("Helvetica", 8)
        canv.setFillColor(colors.HexColor("#666666"))
        canv.drawString(2 * cm, A4[1] - 1.3 * cm, report["title"])
        canv.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"{report['author']}  |  page {doc.page}")
        canv.restoreState()

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm,
                            title=report["title"], author=report["author"],
                            subject=report["subject"], keywords=report["keywords"],
                            creator="aikg scripts/make_sample_pdfs.py", producer="ReportLab",
                            invariant=1)
    doc.build(story_for(report, st), onFirstPage=on_page, onLaterPages=on_page)
    return out


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    outdir = Path(argv[0]) if argv else ROOT / "data" / "samples"
    outdir.mkdir(parents=True, exist_ok=True)
    for rep in REPORTS:
        print(render(rep, outdir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
