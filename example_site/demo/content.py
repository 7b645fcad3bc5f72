"""The demo content of the example site, as plain data: what ``load_demo`` puts in the database.

The example site calls itself みどり市 (``WAGTAIL_SITE_NAME``). Its districts, organizations,
activities, transport services, dates and the division's phone and fax numbers are the facts of a
real city page about region management organizations (会津若松市, June 2024), retold here in the
project's own words. Web addresses, e-mail addresses, the street address and the social media
accounts are placeholders on example domains or with ``example`` handles.

References to other demo objects are written as ``Ref(kind, key)`` and resolved by the loader:
``image``, ``document`` and ``contact`` keys are the keys of IMAGES, DOCUMENTS and CONTACTS;
``page`` keys are ``home``, ``index`` or an organization's slug.

ENGLISH maps every Japanese text, exactly as wagtail-localize extracts it (one rich-text paragraph
or list item, one title, one name …; HTML-escaped, so ``&`` is written ``&amp;``), to its English
translation. Texts without Japanese in them (slugs, phone numbers) are kept as they are without
being listed.
"""

from __future__ import annotations

import datetime
import math
from decimal import Decimal
from typing import NamedTuple

from wagtail_chiiki.defaults import DEFAULT_CATEGORIES


class Ref(NamedTuple):
    kind: str
    key: str


COLLECTION_NAME = "地域運営組織デモ"

# Every date a page shows as its first publication (公開日); the day the source page went online.
FIRST_PUBLISHED = datetime.datetime(2024, 6, 12, 9, 0)

# ---------------------------------------------------------------------------------------------
# Snippets
# ---------------------------------------------------------------------------------------------

DISTRICTS = [
    {"slug": "kitaaizu", "name": "北会津", "sort_order": 10},
    {"slug": "kawahigashi", "name": "河東", "sort_order": 20},
    {"slug": "minato", "name": "湊", "sort_order": 30},
    {"slug": "oto", "name": "大戸", "sort_order": 40},
    {"slug": "machikita-takano", "name": "町北・高野", "sort_order": 50},
    {"slug": "ichiki", "name": "一箕", "sort_order": 60},
]

# The package's default activity categories (``manage.py chiiki_default_categories``); the demo
# activities name them by slug. Their English comes from the package too (see ENGLISH).
CATEGORIES = DEFAULT_CATEGORIES

# Contacts are found again by their key, kept as a fixed translation key (see the loader).
#: The related words (関連ワード) pages use: the Japanese word and its slug (``?tag=bus``), which the
#: English words share. Their English is in ENGLISH.
RELATED_WORDS = {
    "バス": "bus",
    "コンサート": "concert",
    "写真コンテスト": "photo-contest",
    "清掃": "clean-up",
    "健康": "health",
    "広報紙": "newsletter",
    "直売所": "farm-stand",
    "防災": "disaster-prevention",
    "動画": "video",
    "マルシェ": "market",
    "移動支援": "transport-support",
    "川柳": "senryu",
    "夏まつり": "summer-festival",
    "史跡": "historic-sites",
    "スマホ": "smartphone",
    "ワークショップ": "workshop",
    "地域づくりビジョン": "community-vision",
    "地域づくりフェス": "community-fest",
    "地域運営組織": "region-management",
    "地域づくり": "community-development",
}

CONTACTS = {
    "division": {
        "name": "みどり市役所",
        "department": "地域づくり課",
        "postal_code": "",
        "address": "みどり市中央一丁目1番1号 市役所本庁舎2階",  # placeholder address
        "phone": "0242-39-1202",
        "phone_note": "直通",
        "fax": "0242-39-1403",
        "email": "chiikidukuri@example.jp",
        "form_url": "https://www.example.jp/form/chiikidukuri/",
        "hours": "平日 8時30分から17時15分",
    },
    "minato": {
        "name": "NPO法人みんなと湊まちづくりネットワーク",
        "department": "事務局",
        "postal_code": "",
        "address": "みどり市湊町 湊公民館内",  # placeholder address
        "phone": "",
        "phone_note": "",
        "fax": "",
        "email": "minato-net@example.jp",
        "form_url": "https://www.example.jp/minato-net/contact/",
        "hours": "",
    },
}

# Support stages (ステップ0…4). The names, goals and the community's work follow the source page's table;
# what the city offers at each stage and the examples are illustrative: the source page does not list them.
STAGES = [
    {
        "number": 0,
        "name": "住民意識の共有",
        "goal": "地域の課題とこれからについて、住民どうしが同じ思いを持てていること",
        "work": ["勉強会", "先進地の視察"],
        "city_support": "<ul><li>勉強会への職員の派遣と講師の紹介</li><li>視察先の紹介と調整</li></ul>",
        "examples": "",
    },
    {
        "number": 1,
        "name": "組織・体制の立ち上げ",
        "goal": "地域運営組織が発足し、話し合いを進める体制ができていること",
        "work": ["ワークショップ", "地域づくりビジョン(計画)づくり"],
        "city_support": (
            "<ul><li>ワークショップの企画と進行の手伝い</li>"
            "<li>地域づくりビジョン推進事業補助金(ビジョンの策定にかかる経費)</li></ul>"
        ),
        "examples": "全5回のワークショップで、地区の課題と取り組みを住民が話し合う。",
    },
    {
        "number": 2,
        "name": "取組の試行",
        "goal": "見えてきた課題に対して、具体的な取り組みを試しながら形にしていること",
        "work": ["課題に対する具体的な取り組みの試行"],
        "city_support": (
            "<ul><li>地域づくりビジョン推進事業補助金(ビジョンに基づく活動の経費)</li>"
            "<li>集落支援員による見回りと相談</li></ul>"
        ),
        "examples": "ボランティアによる送迎の実証運行、健康教室、マルシェの開催など。",
    },
    {
        "number": 3,
        "name": "自立した組織・体制への移行",
        "goal": "自分たちの力で運営を続けられる組織へと移りつつあること",
        "work": ["組織・体制づくり(役割分担、会計、担い手の育成)"],
        "city_support": "<ul><li>運営や会計についての相談</li><li>地域おこし協力隊など、地域の外の人材の活用</li></ul>",
        "examples": "",
    },
    {
        "number": 4,
        "name": "自立した組織・体制の確立(法人化等)",
        "goal": "法人化などで組織が自立し、安定して活動を続けていること",
        "work": ["指定管理など、各種事業の受託"],
        "city_support": "<ul><li>法人化の手続きについての相談</li><li>公共施設の指定管理などについての情報提供</li></ul>",
        "examples": "NPO法人として地域のバスや直売所を運営する。",
    },
]

# The stages each organization reached, oldest first: (stage number, date). 一箕's is from the source page
# (founded 令和6年5月31日); the others are illustrative, matching each organization's founding date.
STAGE_HISTORY = {
    "kitaaizu": [(1, datetime.date(2017, 6, 1)), (2, datetime.date(2019, 4, 1))],
    "kawahigashi": [
        (1, datetime.date(2016, 5, 20)),
        (2, datetime.date(2018, 4, 1)),
        (3, datetime.date(2022, 4, 1)),
    ],
    "minato": [(1, datetime.date(2015, 4, 1)), (4, datetime.date(2019, 10, 1))],
    "oto": [(1, datetime.date(2017, 4, 1)), (4, datetime.date(2020, 7, 1))],
    "eiwa": [(1, datetime.date(2021, 4, 1)), (2, datetime.date(2023, 4, 1))],
    "ichiki": [(1, datetime.date(2024, 5, 31))],
}

# ---------------------------------------------------------------------------------------------
# Images and documents (drawn by example_site/demo/artwork.py; no downloads)
# ---------------------------------------------------------------------------------------------

IMAGES = {
    "kitaaizu": {
        "title": "北会津の田園と北会津ふれあい号(イラスト)",
        "description": "田んぼの間の道を走る小型バスと、遠くの山並みのイラスト",
        "filename": "demo-kitaaizu.jpg",
        "scene": "fields",
    },
    "kawahigashi": {
        "title": "河東の山すそと川(イラスト)",
        "description": "山のふもとを流れる川と家並みのイラスト",
        "filename": "demo-kawahigashi.jpg",
        "scene": "river",
    },
    "minato": {
        "title": "湊の湖畔の風景(イラスト)",
        "description": "湖と山、湖畔の道のイラスト",
        "filename": "demo-minato.jpg",
        "scene": "lake",
    },
    "oto": {
        "title": "おおとマルシェ(イラスト)",
        "description": "山を背にしたマルシェのテントが並ぶイラスト",
        "filename": "demo-oto.jpg",
        "scene": "market",
    },
    "eiwa": {
        "title": "永和地区の夏まつり(イラスト)",
        "description": "ちょうちんが並ぶ夏まつりの夜のイラスト",
        "filename": "demo-eiwa.jpg",
        "scene": "festival",
    },
    "ichiki": {
        "title": "一箕地区のまちづくりワークショップ(イラスト)",
        "description": "丘を背に、テーブルを囲んで話し合う人たちのイラスト",
        "filename": "demo-ichiki.jpg",
        "scene": "workshop",
    },
    "minato-bus": {
        "title": "湖畔を走るみなとバス(イラスト)",
        "description": "湖沿いの道を走るバスのイラスト",
        "filename": "demo-minato-bus.jpg",
        "scene": "lake-bus",
    },
}

#: Files of pages not yet published go here: a collection only logged-in staff may open
#: (docs/privacy.md). Wagtail decides file privacy by collection, not by the page linking the file.
PRIVATE_COLLECTION_NAME = "非公開(職員のみ)"
PRIVATE_DOCUMENTS = {
    "draft-flyer": {
        "title": "河東地区ワークショップ開催チラシ(準備中)",
        "filename": "kawahigashi-workshop-flyer-draft.pdf",
        "heading": "河東地区ワークショップ(準備中)",
        "lines": ["公開前の案です。日程は調整中です。"],
    },
}

DOCUMENTS = {
    "ichiki-flyer": {
        "title": "一箕地区まちづくりワークショップ開催チラシ",
        "filename": "ichiki-workshop-flyer.pdf",
        # What the generated flyer shows, line by line.
        "heading": "一箕地区まちづくりワークショップ",
        "lines": [
            "一箕地区のこれからを、いっしょに話し合いませんか。",
            "第1回 令和6年6月21日(金)18時30分から20時",
            "第2回 令和6年7月10日(水)18時30分から20時",
            "第3回 令和6年8月7日(水)18時30分から20時",
            "第4回 令和6年9月11日(水)18時30分から20時",
            "第5回 令和6年10月予定 18時30分から20時",
            "会場 一箕公民館",
            "対象 一箕地区に住んでいる方、働いている方",
            "主催 一箕地区ひとみ創造ネットワーク",
        ],
    },
    "subsidy-guide": {
        "title": "地域づくりビジョン推進事業補助金の手引き",
        "filename": "vision-subsidy-guide.pdf",
        "heading": "地域づくりビジョン推進事業補助金",
        "lines": [
            "地域運営組織の地域づくりビジョンを応援します。",
            "対象 ビジョンの策定にかかる経費",
            "対象 ビジョンに基づく活動にかかる経費",
            "申請の前に、地域づくり課へご相談ください。",
            "問い合わせ みどり市役所 地域づくり課 0242-39-1202",
        ],
    },
}

# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------

HOME = {
    "slug": "home",
    "title": "みどり市 地域づくりポータル",
    "body": [
        (
            "paragraph",
            "<p>みどり市の各地区で活動する地域運営組織の取り組みと、市による支援を紹介するサイトです。</p>"
            "<p>このサイトは、Wagtailのパッケージ wagtail-chiiki のデモです。</p>",
        ),
        (
            "links",
            {
                "heading": "はじめにご覧ください",
                "links": [
                    {"text": "地域運営組織の紹介", "page": Ref("page", "index")},
                    {"text": "活動一覧", "page": Ref("page", "activities")},
                    {"text": "地域運営組織への市の支援", "page": Ref("page", "support")},
                    {"text": "ワークショップ・イベント", "page": Ref("page", "workshops")},
                ],
            },
        ),
    ],
}

# The city's support programs: on the stages page and on the community index (the hub) alike.
SUBSIDY = {
    "name": "地域づくりビジョン推進事業補助金",
    "purpose": (
        "<p>地域づくりビジョンは、地域運営組織が中心になってまとめる、地域づくりの土台となる計画です。"
        "ビジョンをつくるための経費と、ビジョンに沿った活動の経費を補助し、取り組みを後押しします。</p>"
    ),
    "eligible_costs": (
        "<ul><li>ビジョンの策定にかかる経費(ワークショップの運営など)</li>"
        "<li>ビジョンに基づく活動にかかる経費</li></ul>"
    ),
    "amount": "事業の内容に応じて決まります(くわしくはお問い合わせください)",
    "starts": datetime.date(2024, 4, 1),
    "ends": None,
    "window_note": "予算の範囲内で随時受け付けています。申請の前に地域づくり課へご相談ください。",
    "documents": [
        {
            "document": Ref("document", "subsidy-guide"),
            "title": "地域づくりビジョン推進事業補助金の手引き",
        }
    ],
    # The page ends with the division's contact: the subsidy does not repeat it.
    "contact": None,
}

KYORYOKUTAI = {
    "name": "地域おこし協力隊",
    "description": (
        "<p>人口が減り、高齢化が進む地域に、都市部などから意欲のある人を迎える国の制度です。"
        "隊員は地域の活動に加わりながら暮らし、任期の後もその地域に住み続けることで、"
        "地域の力を保ち、高めていきます。</p>"
    ),
    "link": {"text": "地域おこし協力隊のページ", "url": "https://www.example.jp/kyoryokutai/"},
}

SHURAKU_SHIENIN = {
    "name": "集落支援員",
    "description": (
        "<p>地域の事情にくわしく、集落の課題への対応に経験と知識を持つ人が、市の職員と協力して"
        "集落を回り、暮らしの様子を確かめて、困りごとに目を配ります。</p>"
    ),
    "link": {"text": "", "url": ""},
}


INDEX = {
    "slug": "chiiki",
    "title": "地域運営組織の紹介",
    "list_heading": "各地域運営組織の紹介",
    "tags": ["地域運営組織", "地域づくり"],
    "intro": [
        ("heading", {"text": "地域運営組織とは", "level": "h2"}),
        (
            "paragraph",
            "<p>地域運営組織は、その地域に暮らす人たちが中心になってつくる組織です。"
            "地域の暮らしを守るため、地域が抱える課題の解決に向けた取り組みを、息長く続けています。</p>",
        ),
        ("heading", {"text": "どんな人が参加しているの?", "level": "h3"}),
        (
            "paragraph",
            "<p>区長会や民生児童委員協議会、小中学校、地元の事業者、さまざまな地域団体、"
            "社会福祉協議会などの公的な機関から、多様な顔ぶれが集まっています。</p>",
        ),
        ("heading", {"text": "どんな活動をしているの?", "level": "h3"}),
        (
            "paragraph",
            "<p>取り組みの内容は組織ごとに異なります。環境美化や防災・防犯、農産物直売所やマルシェの運営、"
            "地域内交通の運行、健康づくりの催しなど、地域に合ったことを選んで行っています。</p>",
        ),
    ],
    # In the order of the source page: after the organizations, the workshops (with the flyer), the
    # festival, the city's part, the stages, the subsidy, the staffing programs and the contact. The
    # structured parts are live blocks linking to their pages.
    "closing": [
        (
            "workshop_sessions",
            {"heading": "ワークショップ・イベント", "series": None, "when": "all", "show_application": True},
        ),
        (
            "document",
            {
                "document": Ref("document", "ichiki-flyer"),
                "title": "一箕地区まちづくりワークショップ開催チラシ",
            },
        ),
        ("heading", {"text": "地域づくりフェス", "level": "h2"}),
        (
            "paragraph",
            "<p>各地区の地域運営組織が合同で、日ごろの取り組みを見て、聞いて、体験できるイベントを開いています。</p>",
        ),
        ("heading", {"text": "市の関わり方", "level": "h2"}),
        (
            "paragraph",
            "<p>高齢者だけの世帯が増え、暮らし方や価値観も多様になるなかで、地域のつながりや支え合いが弱まり、"
            "地域社会の力が落ちることが心配されています。市民と市がそれぞれの役割を担い、"
            "力を合わせて地域を支えていくことが、これまで以上に大切になっています。</p>"
            "<p>市は、地域運営組織が自らの力で活動を続けられるよう、組織の立ち上げから自立までの各段階で、"
            "地域の実情に合わせた支援を行っています。</p>"
            "<p>これからも市内のさまざまな地区で、地域運営組織づくりを進めていきます。"
            "お住まいの地区の取り組みに関心を寄せ、ぜひ参加してみてください。</p>",
        ),
        (
            "stage_table",
            # A tuple: the loader turns lists into list-block items, and the columns are one choice field.
            {"heading": "活動段階に応じた支援", "columns": ("goal", "work", "organizations")},
        ),
        ("heading", {"text": "地域づくりビジョン推進事業補助金", "level": "h2"}),
        ("subsidy", SUBSIDY),
        ("heading", {"text": "地域おこし協力隊・集落支援員", "level": "h2"}),
        ("staffing_program", KYORYOKUTAI),
        ("staffing_program", SHURAKU_SHIENIN),
        (
            "paragraph",
            "<p>これからも市内のさまざまな地区で、地域運営組織づくりを進めていきます。"
            "お住まいの地区の取り組みに、ぜひ目を向けてみてください。</p>",
        ),
        ("contact", {"heading": "お問い合わせ", "contact": Ref("contact", "division")}),
    ],
    "update_history": [
        {"date": datetime.date(2024, 6, 12), "description": "ページを公開しました。"},
    ],
}

ACTIVITIES = {
    "slug": "activities",
    "title": "活動一覧",
    "page_size": 10,
    "tags": ["地域づくり", "バス", "健康"],
    "intro": [
        (
            "paragraph",
            "<p>市内の地域運営組織が取り組んでいる活動を、分野や地区、キーワードで探せます。"
            "参加してみたい活動が見つかったら、その組織のページにある連絡先へお気軽にどうぞ。</p>",
        ),
    ],
    "update_history": [
        {"date": datetime.date(2024, 6, 12), "description": "ページを公開しました。"},
    ],
}

_SOCIAL = ("note", "instagram", "facebook", "x")


def _social_links(handle: str, kinds=_SOCIAL) -> list[dict]:
    """Placeholder accounts named after the organization, one per kind the source page lists."""
    addresses = {
        "note": f"https://note.com/example-{handle}",
        "instagram": f"https://www.instagram.com/example.{handle}/",
        "facebook": f"https://www.facebook.com/example.{handle}",
        "x": f"https://x.com/example_{handle}",
        "youtube": f"https://www.youtube.com/@example-{handle}",
    }
    return [{"kind": kind, "url": addresses[kind], "label": ""} for kind in kinds]


# The founding dates other than 一箕's (令和6年5月31日, from the source page) are illustrative:
# the source page does not give them.
ORGANIZATIONS = [
    {
        "slug": "kitaaizu",
        "title": "北会津地域づくり委員会",
        "legal_form": "voluntary",
        "districts": ["kitaaizu"],
        "established": datetime.date(2017, 6, 1),  # illustrative
        "summary": "北会津地区で、環境美化や地域内交通「北会津ふれあい号」の運行、コンサートや写真コンテストに取り組む住民組織です。",
        "image": "kitaaizu",
        "latitude": Decimal("37.473300"),
        "longitude": Decimal("139.894400"),
        "contact": "division",
        "tags": ["地域運営組織", "地域づくり", "バス", "コンサート", "写真コンテスト", "清掃"],
        "activities": [
            {
                "category": "clean-up",
                "title": "地域の環境美化活動",
                "description": "道路沿いや公共の場所の清掃・美化に、住民が力を合わせて取り組んでいます。",
            },
            {
                "category": "transport",
                "title": "地域内交通「北会津ふれあい号」の運行",
                "description": "地区の中の移動を支える乗合の交通を走らせています。",
            },
            {
                "category": "events",
                "title": "ふれあいコンサート",
                "description": "音楽をきっかけに、地域の人どうしが顔を合わせる機会をつくっています。",
            },
            {
                "category": "events",
                "title": "フォトコンテスト",
                "description": "北会津の風景や暮らしを写した写真を募り、地域の魅力を見つめ直しています。",
            },
        ],
        "transport_services": [
            {
                "name": "北会津ふれあい号",
                "description": "北会津地区の中を結ぶ、委員会が運行する乗合の交通です。",
                "url": "",
            },
        ],
        "member_groups": ["区長会", "民生児童委員協議会", "老人クラブ", "地域の事業者"],
        "links": [
            {
                "kind": "website",
                "url": "https://www.example.jp/kitaaizu-shisho/machizukuri/",
                "label": "北会津支所まちづくり推進課のページ",
            },
        ],
        "body": [],
    },
    {
        "slug": "kawahigashi",
        "title": "河東地域づくり委員会",
        "legal_form": "voluntary",
        "districts": ["kawahigashi"],
        "established": datetime.date(2016, 5, 20),  # illustrative
        "summary": "河東地区の公共施設を生かした催しや健康講座、清掃活動、地域内交通「みなづる号」、広報紙づくりを担っています。",
        "image": "kawahigashi",
        "latitude": Decimal("37.563600"),
        "longitude": Decimal("139.985000"),
        "contact": "division",
        "tags": ["地域運営組織", "地域づくり", "バス", "健康", "清掃", "広報紙"],
        "activities": [
            {
                "category": "events",
                "title": "公共施設を会場にした地域イベント",
                "description": "地区の公共施設を生かして、住民が集まるイベントを開いています。",
            },
            {
                "category": "health",
                "title": "健康講座",
                "description": "毎日の健康づくりに役立つ講座を開いています。",
            },
            {
                "category": "clean-up",
                "title": "地域クリーン大作戦",
                "description": "地区を挙げて取り組む環境美化活動です。",
            },
            {
                "category": "transport",
                "title": "地域内交通「みなづる号」の運営",
                "description": "買い物や通院など、住民の暮らしの足となる交通を運営しています。",
            },
            {
                "category": "publicity",
                "title": "広報紙の発行",
                "description": "委員会の活動や地域の話題を広報紙で届けています。",
            },
        ],
        "transport_services": [
            {
                "name": "みなづる号",
                "description": "河東地区に住む人の移動を支えるため、委員会が運営している地域内交通です。",
                "url": "https://www.example.jp/kawahigashi/minazuru/",
            },
        ],
        "member_groups": ["区長会", "民生児童委員協議会", "小中学校", "社会福祉協議会"],
        "links": _social_links("kawahigashi"),
        "body": [],
    },
    {
        "slug": "minato",
        "title": "NPO法人みんなと湊まちづくりネットワーク",
        "legal_form": "npo",
        "districts": ["minato"],
        "established": datetime.date(2019, 10, 1),  # illustrative
        "summary": "地域内交通「みなとバス」や湊産農産物の直売所を運営し、救命救急教室やさまざまな催しも開いているNPO法人です。",
        "image": "minato",
        "latitude": Decimal("37.441500"),
        "longitude": Decimal("140.021000"),
        "contact": "minato",
        "tags": ["地域運営組織", "地域づくり", "バス", "直売所", "防災", "写真コンテスト", "動画"],
        "activities": [
            {
                "category": "transport",
                "title": "地域内交通「みなとバス」の運行",
                "description": "湊地区の住民の移動を支えるバスを走らせています。",
            },
            {
                "category": "market",
                "title": "湊産農産物の直売所",
                "description": "湊で採れた野菜や果物などを売る直売所を運営しています。",
            },
            {
                "category": "safety",
                "title": "救命救急教室",
                "description": "いざというときに備えて、応急手当てやAEDの使い方を学ぶ教室を開いています。",
            },
            {
                "category": "events",
                "title": "地域のイベント",
                "description": "季節ごとにさまざまな催しを開き、地域のにぎわいをつくっています。",
            },
            {
                "category": "events",
                "title": "湊町フォト&動画コンテスト",
                "description": "湊町の魅力を伝える写真と動画の作品を募集しています。",
            },
        ],
        "transport_services": [
            {
                "name": "みなとバス",
                "description": "湊地区を走る、NPO法人が運行する地域のバスです。",
                "url": "",
            },
        ],
        "member_groups": ["区長会", "民生児童委員協議会", "農業者団体", "社会福祉協議会"],
        "links": [
            {"kind": "website", "url": "https://www.example.jp/minato-net/", "label": "公式ホームページ"},
            *_social_links("minato", (*_SOCIAL, "youtube")),
        ],
        "body": [
            (
                "notice",
                {
                    "title": "「湊町フォト&動画コンテスト」作品募集中",
                    "body": "<p>湊町の魅力を写した写真と動画を募集しています。"
                    "応募の期間や方法は、コンテストの公式サイトでご確認ください。</p>",
                    # The source page only says the contest is under way. These fixed, illustrative
                    # dates keep the demo deterministic and show the notice as open until 2030.
                    "starts": datetime.date(2024, 6, 1),
                    "ends": datetime.date(2030, 3, 31),
                    "link": {
                        "text": "湊町フォト&動画コンテスト公式サイト",
                        "url": "https://www.example.jp/minato-contest/",
                    },
                },
            ),
            (
                "image",
                {
                    "image": Ref("image", "minato-bus"),
                    "alt_text": "湖沿いの道を走るみなとバスのイラスト",
                    "caption": "みなとバス(イメージ)",
                },
            ),
        ],
    },
    {
        "slug": "oto",
        "title": "NPO法人大戸まちづくり協議会",
        "legal_form": "npo",
        "districts": ["oto"],
        "established": datetime.date(2020, 7, 1),  # illustrative
        "summary": "おおとマルシェや健康教室を開き、ボランティアによる送迎の実証運行や川柳・写真のコンテストにも取り組むNPO法人です。",
        "image": "oto",
        "latitude": Decimal("37.392000"),
        "longitude": Decimal("139.946000"),
        "contact": "division",
        "tags": ["地域運営組織", "地域づくり", "マルシェ", "健康", "移動支援", "川柳", "写真コンテスト"],
        "activities": [
            {
                "category": "market",
                "title": "おおとマルシェ",
                "description": "地元の農産物や手づくりの品が並ぶマルシェを開いています。",
            },
            {
                "category": "health",
                "title": "健康教室",
                "description": "体を動かしたり、健康について学んだりする教室です。",
            },
            {
                "category": "transport",
                "title": "ボランティア輸送の実証事業",
                "description": "住民のボランティアが送迎する仕組みを、試験的に運行しています。",
            },
            {
                "category": "events",
                "title": "川柳・フォトコンテスト",
                "description": "大戸を題材にした川柳と写真を募っています。",
            },
        ],
        "transport_services": [
            {
                "name": "大戸地区ボランティア輸送(実証事業)",
                "description": "住民ボランティアが運転する送迎を、本格的な運行に向けて試しています。",
                "url": "",
            },
        ],
        "member_groups": ["区長会", "民生児童委員協議会", "婦人会", "地域の事業者"],
        "links": _social_links("oto"),
        "body": [],
    },
    {
        "slug": "eiwa",
        "title": "永和地区地域づくり協議会",
        "legal_form": "voluntary",
        "districts": ["machikita-takano"],
        "established": datetime.date(2021, 4, 1),  # illustrative
        "summary": "町北・高野の永和地区で、夏まつりや史跡の案内看板づくり、スマホ教室を行っています。",
        "image": "eiwa",
        "latitude": Decimal("37.516000"),
        "longitude": Decimal("139.916000"),
        "contact": "division",
        "tags": ["地域運営組織", "地域づくり", "夏まつり", "史跡", "スマホ"],
        "activities": [
            {
                "category": "events",
                "title": "夏まつり",
                "description": "地区の夏の恒例行事として、夏まつりを開いています。",
            },
            {
                "category": "heritage",
                "title": "地域史跡案内看板の設置",
                "description": "地区に残る史跡に案内看板を立て、その歴史を紹介しています。",
            },
            {
                "category": "learning",
                "title": "スマホ教室",
                "description": "スマートフォンの基本的な使い方を、気軽に学べる教室です。",
            },
        ],
        "transport_services": [],
        "member_groups": ["町内会", "老人クラブ", "小中学校", "PTA"],
        "links": [
            {
                "kind": "website",
                "url": "https://www.example.jp/kita-kominkan/",
                "label": "北公民館のページ",
            },
        ],
        "body": [],
    },
    {
        "slug": "ichiki",
        "title": "一箕地区ひとみ創造ネットワーク",
        "legal_form": "voluntary",
        "districts": ["ichiki"],
        "established": datetime.date(2024, 5, 31),  # 令和6年5月31日, from the source page
        "summary": "令和6年5月31日に発足し、地域づくりビジョンの策定に向けて住民の話し合いを始めています。",
        "image": "ichiki",
        "latitude": Decimal("37.500500"),
        "longitude": Decimal("139.958000"),
        "contact": "division",
        "tags": ["地域運営組織", "地域づくり", "ワークショップ", "地域づくりビジョン"],
        "activities": [
            {
                "category": "planning",
                "title": "地域づくりビジョンの策定",
                "description": "地区の将来像とそのための取り組みをまとめる、地域づくりビジョンづくりを進めています。",
            },
            {
                "category": "planning",
                "title": "一箕地区まちづくりワークショップ",
                "description": "地区に住む人や働く人が集まり、全5回で地域の課題と取り組みを話し合います。",
            },
        ],
        "transport_services": [],
        "member_groups": ["区長会", "民生児童委員協議会", "小中学校", "社会福祉協議会", "地域の事業者"],
        "links": [],
        "update_history": [
            {
                "date": datetime.date(2024, 6, 12),
                "description": "まちづくりワークショップの案内を掲載しました。",
            },
        ],
        "body": [
            ("heading", {"text": "「一箕地区まちづくりワークショップ」を開きます", "level": "h2"}),
            (
                "paragraph",
                "<p>一箕地区のこれからを、みんなで話し合ってみませんか。"
                "地区にお住まいの方も、地区で働いている方も、ぜひご参加ください。"
                "くわしくは開催チラシをご覧ください。</p>",
            ),
            (
                "document",
                {
                    "document": Ref("document", "ichiki-flyer"),
                    "title": "一箕地区まちづくりワークショップ開催チラシ",
                },
            ),
            (
                "paragraph",
                "<ul>"
                "<li>第1回 令和6年6月21日(金)18時30分から20時:地域づくりビジョンとは? ほか</li>"
                "<li>第2回 令和6年7月10日(水)18時30分から20時:地域の課題と活動を整理する ほか</li>"
                "<li>第3回 令和6年8月7日(水)18時30分から20時:分野ごとの取り組みを考える(1)</li>"
                "<li>第4回 令和6年9月11日(水)18時30分から20時:分野ごとの取り組みを考える(2)</li>"
                "<li>第5回 令和6年10月予定 18時30分から20時:分野ごとの取り組みを考える(3)</li>"
                "<li>会場:一箕公民館</li>"
                "<li>対象:一箕地区に住んでいる方、一箕地区で働いている方</li>"
                "<li>第1回の申込締め切り:令和6年6月19日(水)</li>"
                "</ul>"
                "<p>第2回以降の参加も随時受け付けています。都合のつく回だけの参加でもかまいません。</p>",
            ),
            (
                "links",
                {
                    "heading": "参加の申し込み",
                    "links": [
                        {
                            "text": "オンライン申込フォーム(かんたん申請・申込システム)",
                            "url": "https://www.example.jp/shinsei/ichiki-workshop/",
                        }
                    ],
                },
            ),
        ],
    },
]


def rough_area(latitude: Decimal, longitude: Decimal, radius_km: float = 1.6) -> dict:
    """An irregular octagon around a point: a plausible sketch of a service area, not a survey."""
    wobble = (1.0, 0.8, 1.15, 0.9, 1.05, 0.75, 1.2, 0.85)
    lat, lon = float(latitude), float(longitude)
    ring = []
    for step, factor in enumerate(wobble):
        angle = math.radians(step * 45 + 10)
        north_km, east_km = radius_km * factor * math.cos(angle), radius_km * factor * math.sin(angle)
        ring.append(
            [
                round(lon + east_km / (111.32 * math.cos(math.radians(lat))), 5),
                round(lat + north_km / 110.57, 5),
            ]
        )
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


# Each organization's service area (GeoJSON, [longitude, latitude]): a rough outline around its base.
SERVICE_AREAS = {spec["slug"]: rough_area(spec["latitude"], spec["longitude"]) for spec in ORGANIZATIONS}
# Workshop series: the source page's five-session workshop (第5回 known only to the month) and the
# joint festival it mentions. The festival's date, venue and times are illustrative (the source page
# gives none); its date lies in the future so that the list of upcoming sessions has something to show.
WORKSHOPS = {
    "slug": "workshops",
    "title": "ワークショップ・イベント",
    "page_size": 20,
    "tags": ["ワークショップ", "地域づくりビジョン"],
    "intro": [
        (
            "paragraph",
            "<p>地域運営組織や市が開くワークショップとイベントのうち、これから開かれる回の一覧です。"
            "カレンダーアプリに登録することもできます。</p>",
        ),
    ],
    "update_history": [
        {"date": datetime.date(2024, 6, 12), "description": "ワークショップ・イベントの一覧を公開しました。"},
    ],
}

WORKSHOP_SERIES = [
    {
        "slug": "ichiki-workshop",
        "title": "一箕地区まちづくりワークショップ",
        "title_kana": "イッキチクマチヅクリワークショップ",
        "summary": "一箕地区の将来像を住民どうしで話し合い、地域づくりビジョンにまとめていく全5回のワークショップです。",
        "purpose": "<p>令和6年5月31日に発足した一箕地区ひとみ創造ネットワークが、地域づくりビジョンを形にするために開きます。"
        "地区の課題や今ある活動を出し合い、分野ごとに何ができるかを一緒に考えます。</p>",
        "organizer": "ichiki",
        "organizer_name": "",
        "venue_name": "一箕公民館",
        "venue_address": "みどり市一箕町1丁目",  # placeholder address
        "latitude": Decimal("37.500500"),
        "longitude": Decimal("139.958000"),
        "access": "",
        "usual_start": datetime.time(18, 30),
        "usual_end": datetime.time(20, 0),
        "audience": "一箕地区に住んでいる方、または一箕地区で働いている方",
        "capacity": None,
        "fee": 0,
        "application_method": "url",
        "application_value": "https://www.example.jp/shinsei/ichiki-workshop/",
        "application_deadline": datetime.date(2024, 6, 19),
        "later_sessions_open": True,
        "flyer": "ichiki-flyer",
        "flyer_text": "一箕地区まちづくりワークショップ開催チラシ",
        "contact": "division",
        "tags": ["ワークショップ", "地域づくりビジョン"],
        "sessions": [
            {"date": datetime.date(2024, 6, 21), "precision": "day", "topic": "地域づくりビジョンとは? ほか"},
            {
                "date": datetime.date(2024, 7, 10),
                "precision": "day",
                "topic": "地域の課題と活動を整理する ほか",
            },
            {"date": datetime.date(2024, 8, 7), "precision": "day", "topic": "分野ごとの取り組みを考える(1)"},
            {
                "date": datetime.date(2024, 9, 11),
                "precision": "day",
                "topic": "分野ごとの取り組みを考える(2)",
            },
            {
                "date": datetime.date(2024, 10, 1),
                "precision": "month",
                "topic": "分野ごとの取り組みを考える(3)",
            },
        ],
    },
    {
        "slug": "festival",
        "title": "地域づくりフェス",
        "title_kana": "チイキヅクリフェス",
        "summary": "各地区の地域運営組織がそろって、日ごろの取り組みを見て、聞いて、体験できる合同イベントです。",
        "purpose": "<p>地区ごとの活動を知り、ほかの地区の人とつながるきっかけにしてください。</p>",
        "organizer": None,
        "organizer_name": "みどり市 地域づくり課",
        "venue_name": "みどり市文化センター",  # illustrative venue
        "venue_address": "みどり市中央二丁目2番2号",  # placeholder address
        "latitude": None,
        "longitude": None,
        "access": "みどり駅から歩いて10分",
        "usual_start": datetime.time(10, 0),
        "usual_end": datetime.time(15, 0),
        "audience": "どなたでも",
        # Few seats, so that the demo applications fill them and the waitlist (キャンセル待ち) shows.
        "capacity": 5,
        "fee": 0,
        "application_method": "form",
        "application_value": "",
        "application_deadline": datetime.date(2028, 10, 8),
        "later_sessions_open": False,
        "flyer": None,
        "flyer_text": "",
        "contact": "division",
        "tags": ["地域づくりフェス"],
        "sessions": [
            {
                "date": datetime.date(2028, 10, 15),
                "precision": "day",
                "topic": "各地区の活動紹介と体験コーナー",
            },
        ],
    },
]

SUPPORT = {
    "slug": "support",
    "title": "地域運営組織への市の支援",
    "tags": ["地域運営組織", "地域づくり", "地域づくりビジョン"],
    "intro": [
        ("heading", {"text": "市の役割", "level": "h2"}),
        (
            "paragraph",
            "<p>ひとり暮らしの高齢者が増え、暮らし方も考え方も人それぞれになるなかで、"
            "近所どうしの支え合いは弱まりがちです。地域の課題を解くには、市民と市が役割を分け合い、"
            "協力して地域を支えることが欠かせません。</p>"
            "<p>市は、地域運営組織が自分たちの力で活動を続けられるよう、立ち上げから自立までを見守り、"
            "段階と地区の事情に合わせて支援しています。</p>",
        ),
    ],
    "stages_heading": "活動段階に応じた支援",
    "stages_note": (
        "地域運営組織は、ステップ0からステップ4へと段階を追って育っていきます。"
        "「この段階の組織」には、いまその段階にある市内の組織を載せています。"
    ),
    "body": [
        ("heading", {"text": "補助金", "level": "h2"}),
        (
            "subsidy",
            SUBSIDY,
        ),
        ("heading", {"text": "地域おこし協力隊・集落支援員", "level": "h2"}),
        (
            "staffing_program",
            KYORYOKUTAI,
        ),
        (
            "staffing_program",
            SHURAKU_SHIENIN,
        ),
        (
            "paragraph",
            "<p>これからも市内のさまざまな地区で、地域運営組織づくりを進めていきます。"
            "お住まいの地区の取り組みに、ぜひ目を向けてみてください。</p>",
        ),
    ],
    "contact": "division",
    "update_history": [
        {"date": datetime.date(2024, 6, 12), "description": "ページを公開しました。"},
    ],
}

# ---------------------------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------------------------

ENGLISH = {
    # Workshop series and their list
    "ワークショップ・イベント": "Workshops and events",
    "地域運営組織や市が開くワークショップとイベントのうち、これから開かれる回の一覧です。"
    "カレンダーアプリに登録することもできます。": "The sessions to come of the workshops and events held by "
    "the region management organizations and the city. You can add them to your calendar app too.",
    "ワークショップ・イベントの一覧を公開しました。": "Published the list of workshops and events.",
    "一箕地区の将来像を住民どうしで話し合い、地域づくりビジョンにまとめていく全5回のワークショップです。": (
        "Five workshops in which residents talk over the future of Ichiki District and shape it into "
        "a community development vision."
    ),
    "令和6年5月31日に発足した一箕地区ひとみ創造ネットワークが、地域づくりビジョンを形にするために開きます。"
    "地区の課題や今ある活動を出し合い、分野ごとに何ができるかを一緒に考えます。": (
        "The Ichiki Hitomi Creation Network, founded on 31 May 2024, holds them to give shape to its community "
        "development vision. Together we list the district's issues and what is already going on, then work out "
        "what could be done in each field."
    ),
    "一箕公民館": "Ichiki Community Hall",
    "みどり市一箕町1丁目": "1-chome, Ikki-machi, Midori City",
    "一箕地区に住んでいる方、または一箕地区で働いている方": "People who live or work in Ichiki District",
    "地域づくりビジョンとは? ほか": "What is a community development vision? and more",
    "地域の課題と活動を整理する ほか": "Sorting out local issues and activities, and more",
    "分野ごとの取り組みを考える(1)": "Planning what to do in each field (1)",
    "分野ごとの取り組みを考える(2)": "Planning what to do in each field (2)",
    "分野ごとの取り組みを考える(3)": "Planning what to do in each field (3)",
    "各地区の地域運営組織がそろって、日ごろの取り組みを見て、聞いて、体験できる合同イベントです。": (
        "A joint event where the region management organizations of every district show their everyday work "
        "for you to see, hear and try."
    ),
    "地区ごとの活動を知り、ほかの地区の人とつながるきっかけにしてください。": (
        "Come to learn what each district does and to meet people from other districts."
    ),
    "みどり市 地域づくり課": "Midori City Community Development Division",
    "みどり市文化センター": "Midori City Cultural Centre",
    "みどり市中央二丁目2番2号": "2-2 Chuo 2-chome, Midori City",
    "みどり駅から歩いて10分": "10 minutes' walk from Midori Station",
    "どなたでも": "Anyone",
    "各地区の活動紹介と体験コーナー": "Each district's activities, with hands-on corners",
    # Snippets: related words (ワークショップ, 夏まつり, 地域づくりフェス and 補助金 are given below)
    "バス": "Bus",
    "コンサート": "Concerts",
    "写真コンテスト": "Photo contest",
    "清掃": "Clean-up",
    "健康": "Health",
    "広報紙": "Newsletter",
    "直売所": "Farm stand",
    "防災": "Disaster prevention",
    "動画": "Videos",
    "マルシェ": "Market",
    "移動支援": "Transport support",
    "川柳": "Senryū poems",
    "史跡": "Historic sites",
    "スマホ": "Smartphones",
    "地域づくりビジョン": "Community development vision",
    "地域運営組織": "Region management organizations",
    "地域づくり": "Community development",
    # Snippets: districts
    "北会津": "Kitaaizu",
    "河東": "Kawahigashi",
    "湊": "Minato",
    "大戸": "Oto",
    "町北・高野": "Machikita and Takano",
    "一箕": "Ichiki",
    # Snippets: activity categories, as the package words them
    **{ja: en for category in CATEGORIES for ja, en in zip(category.ja, category.en, strict=True)},
    # Snippets: contacts
    "みどり市役所": "Midori City Hall",
    "地域づくり課": "Community Development Division",
    "みどり市中央一丁目1番1号 市役所本庁舎2階": "City Hall main building, 2nd floor, 1-1 Chuo 1-chome, Midori City",
    "直通": "direct line",
    "平日 8時30分から17時15分": "Weekdays, 8:30 to 17:15",
    "NPO法人みんなと湊まちづくりネットワーク": "Minna to Minato Town Development Network (NPO)",
    "事務局": "Secretariat",
    "みどり市湊町 湊公民館内": "c/o Minato Community Hall, Minato, Midori City",
    # Home page
    "みどり市 地域づくりポータル": "Midori City Community Development Portal",
    "home": "en",
    "みどり市の各地区で活動する地域運営組織の取り組みと、市による支援を紹介するサイトです。": (
        "This site introduces the region management organizations at work in Midori City's districts and "
        "the support the city gives them."
    ),
    "このサイトは、Wagtailのパッケージ wagtail-chiiki のデモです。": (
        "It is a demonstration of wagtail-chiiki, a package for Wagtail."
    ),
    "はじめにご覧ください": "Start here",
    # Community index page
    "地域運営組織の紹介": "Region management organizations",
    "各地域運営組織の紹介": "The organizations",
    "活動一覧": "Activities",
    "activities": "activities",
    "市内の地域運営組織が取り組んでいる活動を、分野や地区、キーワードで探せます。"
    "参加してみたい活動が見つかったら、その組織のページにある連絡先へお気軽にどうぞ。": (
        "Look up what the city's region management organizations do, by category, district or keyword. "
        "Found something you would like to join? Get in touch through the contact on the organization's page."
    ),
    "地域運営組織とは": "What is a region management organization?",
    "地域運営組織は、その地域に暮らす人たちが中心になってつくる組織です。地域の暮らしを守るため、地域が抱える課題の解決に向けた取り組みを、息長く続けています。": (
        "A region management organization is formed mainly by the people who live in an area. To protect "
        "everyday life there, it works steadily, year after year, on the problems the area faces."
    ),
    "どんな人が参加しているの?": "Who takes part?",
    "区長会や民生児童委員協議会、小中学校、地元の事業者、さまざまな地域団体、社会福祉協議会などの公的な機関から、多様な顔ぶれが集まっています。": (
        "Members come from many backgrounds: councils of ward heads, councils of welfare and child "
        "commissioners, elementary and junior high schools, local businesses, all kinds of community groups, "
        "and public bodies such as the council of social welfare."
    ),
    "どんな活動をしているの?": "What do they do?",
    "取り組みの内容は組織ごとに異なります。環境美化や防災・防犯、農産物直売所やマルシェの運営、地域内交通の運行、健康づくりの催しなど、地域に合ったことを選んで行っています。": (
        "Each organization chooses work that suits its area: neighbourhood clean-ups, disaster preparedness "
        "and crime prevention, farm stands and markets, community transport, health promotion events and more."
    ),
    "地域づくりフェス": "Community Development Festival",
    "各地区の地域運営組織が合同で、日ごろの取り組みを見て、聞いて、体験できるイベントを開いています。": (
        "The organizations of the districts join forces for an event where visitors can see, hear about and "
        "try out their everyday work."
    ),
    "市の関わり方": "How the city is involved",
    "高齢者だけの世帯が増え、暮らし方や価値観も多様になるなかで、地域のつながりや支え合いが弱まり、地域社会の力が落ちることが心配されています。市民と市がそれぞれの役割を担い、力を合わせて地域を支えていくことが、これまで以上に大切になっています。": (
        "As more households are made up only of older people, and ways of life and values grow more varied, "
        "there is concern that local ties and mutual help are weakening and that communities are losing their "
        "strength. It matters more than ever that residents and the city each play their part and work "
        "together to keep their areas going."
    ),
    "市は、地域運営組織が自らの力で活動を続けられるよう、組織の立ち上げから自立までの各段階で、地域の実情に合わせた支援を行っています。": (
        "So that the organizations can carry on under their own steam, the city supports them at every stage "
        "from founding to independence, in ways suited to each area."
    ),
    "これからも市内のさまざまな地区で、地域運営組織づくりを進めていきます。お住まいの地区の取り組みに関心を寄せ、ぜひ参加してみてください。": (
        "The city will keep helping more districts set up organizations of their own. Find out what is "
        "happening where you live, and join in."
    ),
    "お問い合わせ": "Contact",
    "ページを公開しました。": "Page published.",
    # Organizations: names
    "北会津地域づくり委員会": "Kitaaizu Community Development Committee",
    "河東地域づくり委員会": "Kawahigashi Community Development Committee",
    "NPO法人大戸まちづくり協議会": "Oto Town Development Council (NPO)",
    "永和地区地域づくり協議会": "Eiwa District Community Development Council",
    "一箕地区ひとみ創造ネットワーク": "Ichiki Hitomi Creation Network",
    # Organizations: summaries
    "北会津地区で、環境美化や地域内交通「北会津ふれあい号」の運行、コンサートや写真コンテストに取り組む住民組織です。": (
        "A residents' organization in Kitaaizu that keeps the area clean, runs the Kitaaizu Fureai-go "
        "community transport and holds concerts and photo contests."
    ),
    "河東地区の公共施設を生かした催しや健康講座、清掃活動、地域内交通「みなづる号」、広報紙づくりを担っています。": (
        "Holds events in Kawahigashi's public facilities and health talks, organizes clean-ups, runs the "
        "Minazuru-go community transport and publishes a newsletter."
    ),
    "地域内交通「みなとバス」や湊産農産物の直売所を運営し、救命救急教室やさまざまな催しも開いているNPO法人です。": (
        "An NPO that runs the Minato Bus and a farm stand for Minato produce, and holds first-aid classes "
        "and many other local events."
    ),
    "おおとマルシェや健康教室を開き、ボランティアによる送迎の実証運行や川柳・写真のコンテストにも取り組むNPO法人です。": (
        "An NPO that holds the Oto Marché and health classes, is trialling rides given by volunteers and runs "
        "a senryu and photo contest."
    ),
    "町北・高野の永和地区で、夏まつりや史跡の案内看板づくり、スマホ教室を行っています。": (
        "Holds a summer festival, puts up signboards at historic sites and runs smartphone classes in the "
        "Eiwa area of Machikita and Takano."
    ),
    "令和6年5月31日に発足し、地域づくりビジョンの策定に向けて住民の話し合いを始めています。": (
        "Founded on 31 May 2024, it has begun bringing residents together to draw up a community "
        "development vision."
    ),
    # Organizations: activities
    "地域の環境美化活動": "Neighbourhood clean-ups",
    "道路沿いや公共の場所の清掃・美化に、住民が力を合わせて取り組んでいます。": (
        "Residents work together to clean and brighten roadsides and public places."
    ),
    "地域内交通「北会津ふれあい号」の運行": "Running the Kitaaizu Fureai-go community transport",
    "地区の中の移動を支える乗合の交通を走らせています。": (
        "A shared transport service that helps people get around the district."
    ),
    "ふれあいコンサート": "Fureai Concert",
    "音楽をきっかけに、地域の人どうしが顔を合わせる機会をつくっています。": (
        "A concert that gives neighbours a chance to meet through music."
    ),
    "フォトコンテスト": "Photo contest",
    "北会津の風景や暮らしを写した写真を募り、地域の魅力を見つめ直しています。": (
        "Photos of Kitaaizu's scenery and daily life are collected to take a fresh look at what makes the "
        "area special."
    ),
    "公共施設を会場にした地域イベント": "Community events in public facilities",
    "地区の公共施設を生かして、住民が集まるイベントを開いています。": (
        "Events that bring residents together, held in the district's public buildings."
    ),
    "健康講座": "Health talks",
    "毎日の健康づくりに役立つ講座を開いています。": "Talks with practical advice for staying healthy every day.",
    "地域クリーン大作戦": "Great Community Clean-up",
    "地区を挙げて取り組む環境美化活動です。": "A clean-up campaign that the whole district joins in.",
    "地域内交通「みなづる号」の運営": "Running the Minazuru-go community transport",
    "買い物や通院など、住民の暮らしの足となる交通を運営しています。": (
        "Transport that takes residents shopping, to the doctor and wherever else daily life calls."
    ),
    "広報紙の発行": "Publishing a newsletter",
    "委員会の活動や地域の話題を広報紙で届けています。": "A newsletter reports on the committee's work and local news.",
    "地域内交通「みなとバス」の運行": "Running the Minato Bus community transport",
    "湊地区の住民の移動を支えるバスを走らせています。": "A bus service that helps Minato residents get around.",
    "湊産農産物の直売所": "Farm stand for Minato produce",
    "湊で採れた野菜や果物などを売る直売所を運営しています。": (
        "A stand selling vegetables, fruit and other produce grown in Minato."
    ),
    "救命救急教室": "First-aid classes",
    "いざというときに備えて、応急手当てやAEDの使い方を学ぶ教室を開いています。": (
        "Classes in first aid and using an AED, so that residents are ready for an emergency."
    ),
    "地域のイベント": "Community events",
    "季節ごとにさまざまな催しを開き、地域のにぎわいをつくっています。": (
        "Seasonal events of many kinds that keep the community lively."
    ),
    "湊町フォト&amp;動画コンテスト": "Minato Photo and Video Contest",
    "湊町の魅力を伝える写真と動画の作品を募集しています。": (
        "Photos and videos that show the charm of Minato are welcome as entries."
    ),
    "おおとマルシェ": "Oto Marché",
    "地元の農産物や手づくりの品が並ぶマルシェを開いています。": "A market with local produce and handmade goods.",
    "健康教室": "Health classes",
    "体を動かしたり、健康について学んだりする教室です。": "Classes for exercising and learning about health.",
    "ボランティア輸送の実証事業": "Volunteer transport trial",
    "住民のボランティアが送迎する仕組みを、試験的に運行しています。": (
        "A trial of a scheme in which resident volunteers give rides."
    ),
    "川柳・フォトコンテスト": "Senryu and photo contest",
    "大戸を題材にした川柳と写真を募っています。": "Senryu (short humorous poems) and photos about Oto are welcome.",
    "夏まつり": "Summer festival",
    "地区の夏の恒例行事として、夏まつりを開いています。": "A summer festival, a fixture of the district's year.",
    "地域史跡案内看板の設置": "Signboards at local historic sites",
    "地区に残る史跡に案内看板を立て、その歴史を紹介しています。": (
        "Signboards at the district's historic sites tell their history."
    ),
    "スマホ教室": "Smartphone classes",
    "スマートフォンの基本的な使い方を、気軽に学べる教室です。": "Relaxed classes in the basics of using a smartphone.",
    "地域づくりビジョンの策定": "Drawing up a community development vision",
    "地区の将来像とそのための取り組みをまとめる、地域づくりビジョンづくりを進めています。": (
        "Work is under way on a vision that sets out the district's future and how to get there."
    ),
    "一箕地区まちづくりワークショップ": "Ichiki District Town Development Workshops",
    "地区に住む人や働く人が集まり、全5回で地域の課題と取り組みを話し合います。": (
        "People who live or work in the district meet for five sessions to talk over local issues and what "
        "to do about them."
    ),
    # Organizations: transport services
    "北会津ふれあい号": "Kitaaizu Fureai-go",
    "北会津地区の中を結ぶ、委員会が運行する乗合の交通です。": (
        "Shared transport linking places within Kitaaizu, run by the committee."
    ),
    "みなづる号": "Minazuru-go",
    "河東地区に住む人の移動を支えるため、委員会が運営している地域内交通です。": (
        "Community transport run by the committee to help Kawahigashi residents get about."
    ),
    "みなとバス": "Minato Bus",
    "湊地区を走る、NPO法人が運行する地域のバスです。": "A local bus in Minato, run by the NPO.",
    "大戸地区ボランティア輸送(実証事業)": "Oto volunteer transport (trial)",
    "住民ボランティアが運転する送迎を、本格的な運行に向けて試しています。": (
        "Rides driven by resident volunteers, on trial before a regular service."
    ),
    # Organizations: member groups
    "区長会": "Council of ward heads",
    "民生児童委員協議会": "Council of welfare and child commissioners",
    "老人クラブ": "Seniors' club",
    "地域の事業者": "Local businesses",
    "小中学校": "Elementary and junior high schools",
    "社会福祉協議会": "Council of social welfare",
    "農業者団体": "Farmers' groups",
    "婦人会": "Women's association",
    "町内会": "Neighbourhood associations",
    # Organizations: link labels
    "北会津支所まちづくり推進課のページ": "Kitaaizu Branch Office, Town Development Section",
    "公式ホームページ": "Official website",
    "北公民館のページ": "Kita Community Hall",
    # 湊: body
    "「湊町フォト&amp;動画コンテスト」作品募集中": "Minato Photo and Video Contest: entries welcome",
    "湊町の魅力を写した写真と動画を募集しています。応募の期間や方法は、コンテストの公式サイトでご確認ください。": (
        "Photos and videos that capture the charm of Minato are welcome. See the contest's official website "
        "for the entry period and how to enter."
    ),
    "湊町フォト&amp;動画コンテスト公式サイト": "Official website of the Minato Photo and Video Contest",
    "湖沿いの道を走るみなとバスのイラスト": "Illustration of the Minato Bus on a lakeside road",
    "みなとバス(イメージ)": "The Minato Bus (illustration)",
    # 一箕: body
    "まちづくりワークショップの案内を掲載しました。": "Added the notice of the town development workshops.",
    "「一箕地区まちづくりワークショップ」を開きます": "Ichiki District Town Development Workshops",
    "一箕地区のこれからを、みんなで話し合ってみませんか。地区にお住まいの方も、地区で働いている方も、ぜひご参加ください。くわしくは開催チラシをご覧ください。": (
        "Why not talk over the future of Ichiki together? Everyone who lives or works in the district is "
        "welcome. The flyer has the details."
    ),
    "一箕地区まちづくりワークショップ開催チラシ": "Flyer: Ichiki District Town Development Workshops",
    "第1回 令和6年6月21日(金)18時30分から20時:地域づくりビジョンとは? ほか": (
        "Session 1: Friday 21 June 2024, 18:30 to 20:00: what is a community development vision?, and more"
    ),
    "第2回 令和6年7月10日(水)18時30分から20時:地域の課題と活動を整理する ほか": (
        "Session 2: Wednesday 10 July 2024, 18:30 to 20:00: sorting out local issues and activities, and more"
    ),
    "第3回 令和6年8月7日(水)18時30分から20時:分野ごとの取り組みを考える(1)": (
        "Session 3: Wednesday 7 August 2024, 18:30 to 20:00: planning work by field (1)"
    ),
    "第4回 令和6年9月11日(水)18時30分から20時:分野ごとの取り組みを考える(2)": (
        "Session 4: Wednesday 11 September 2024, 18:30 to 20:00: planning work by field (2)"
    ),
    "第5回 令和6年10月予定 18時30分から20時:分野ごとの取り組みを考える(3)": (
        "Session 5: October 2024 (date to be fixed), 18:30 to 20:00: planning work by field (3)"
    ),
    "会場:一箕公民館": "Venue: Ichiki Community Hall",
    "対象:一箕地区に住んでいる方、一箕地区で働いている方": "Open to: people who live or work in the Ichiki district",
    "第1回の申込締め切り:令和6年6月19日(水)": "Deadline to apply for session 1: Wednesday 19 June 2024",
    "第2回以降の参加も随時受け付けています。都合のつく回だけの参加でもかまいません。": (
        "Applications for session 2 onwards are welcome at any time, and you are welcome to come only to the "
        "sessions you can make."
    ),
    "参加の申し込み": "How to apply",
    "オンライン申込フォーム(かんたん申請・申込システム)": "Online application form (the city's e-application service)",
    # Support stages
    "住民意識の共有": "Shared awareness among residents",
    "地域の課題とこれからについて、住民どうしが同じ思いを持てていること": (
        "Residents share a view of the area's problems and its future"
    ),
    "勉強会": "Study meetings",
    "先進地の視察": "Visits to areas that are further ahead",
    "勉強会への職員の派遣と講師の紹介": "City staff at study meetings, and introductions to speakers",
    "視察先の紹介と調整": "Suggesting and arranging places to visit",
    "組織・体制の立ち上げ": "Setting up the organization",
    "地域運営組織が発足し、話し合いを進める体制ができていること": (
        "An organization has been founded and is able to lead the discussion"
    ),
    "ワークショップ": "Workshops",
    "地域づくりビジョン(計画)づくり": "Drawing up a community development vision (plan)",
    "ワークショップの企画と進行の手伝い": "Help with planning and running workshops",
    "地域づくりビジョン推進事業補助金(ビジョンの策定にかかる経費)": (
        "Community Development Vision Subsidy (costs of drawing up the vision)"
    ),
    "全5回のワークショップで、地区の課題と取り組みを住民が話し合う。": (
        "Residents talk over the district's problems and what to do in a series of five workshops."
    ),
    "取組の試行": "Trying things out",
    "見えてきた課題に対して、具体的な取り組みを試しながら形にしていること": (
        "Concrete work on the problems found is being tried out and taking shape"
    ),
    "課題に対する具体的な取り組みの試行": "Trying out concrete work on the problems",
    "地域づくりビジョン推進事業補助金(ビジョンに基づく活動の経費)": (
        "Community Development Vision Subsidy (costs of activities under the vision)"
    ),
    "集落支援員による見回りと相談": "Visits and advice from community support staff",
    "ボランティアによる送迎の実証運行、健康教室、マルシェの開催など。": (
        "A trial of volunteer rides, health classes, markets and more."
    ),
    "自立した組織・体制への移行": "Moving towards independence",
    "自分たちの力で運営を続けられる組織へと移りつつあること": (
        "The organization is becoming able to run itself"
    ),
    "組織・体制づくり(役割分担、会計、担い手の育成)": (
        "Building the organization (sharing roles, accounts, training new members)"
    ),
    "運営や会計についての相談": "Advice on running the organization and on its accounts",
    "地域おこし協力隊など、地域の外の人材の活用": (
        "People from outside the area, such as Community Revitalization Cooperators"
    ),
    "自立した組織・体制の確立(法人化等)": "An independent organization (incorporation and the like)",
    "法人化などで組織が自立し、安定して活動を続けていること": (
        "The organization stands on its own, for example as a corporation, and works steadily"
    ),
    "指定管理など、各種事業の受託": "Taking on contracted work, such as the designated management of facilities",
    "法人化の手続きについての相談": "Advice on the steps to incorporation",
    "公共施設の指定管理などについての情報提供": (
        "Information on the designated management of public facilities and similar work"
    ),
    "NPO法人として地域のバスや直売所を運営する。": "Running a local bus and a farm stand as an NPO corporation.",
    # Support page
    "地域運営組織への市の支援": "How the city supports region management organizations",
    "市の役割": "The city's role",
    "ひとり暮らしの高齢者が増え、暮らし方も考え方も人それぞれになるなかで、近所どうしの支え合いは弱まりがちです。地域の課題を解くには、市民と市が役割を分け合い、協力して地域を支えることが欠かせません。": (
        "With more older people living alone and ways of life and views growing ever more varied, neighbours "
        "help each other less than they used to. Solving local problems needs residents and the city to share "
        "the roles and support the area together."
    ),
    "市は、地域運営組織が自分たちの力で活動を続けられるよう、立ち上げから自立までを見守り、段階と地区の事情に合わせて支援しています。": (
        "So that region management organizations can keep going on their own, the city stays with them from "
        "their founding to their independence, with support that suits each stage and each district."
    ),
    "活動段階に応じた支援": "Support by stage",
    "地域運営組織は、ステップ0からステップ4へと段階を追って育っていきます。「この段階の組織」には、いまその段階にある市内の組織を載せています。": (
        "Region management organizations grow step by step, from step 0 to step 4. Under “Organizations at "
        "this stage” are the organizations of the city that are at that stage now."
    ),
    "補助金": "Subsidy",
    "地域づくりビジョン推進事業補助金": "Community Development Vision Subsidy",
    "地域づくりビジョンは、地域運営組織が中心になってまとめる、地域づくりの土台となる計画です。ビジョンをつくるための経費と、ビジョンに沿った活動の経費を補助し、取り組みを後押しします。": (
        "A community development vision is the plan, drawn up mainly by a region management organization, on "
        "which its community development rests. The subsidy helps with the costs of making the vision and of "
        "the activities that follow it."
    ),
    "ビジョンの策定にかかる経費(ワークショップの運営など)": "Costs of drawing up the vision (running workshops and so on)",
    "ビジョンに基づく活動にかかる経費": "Costs of activities based on the vision",
    "事業の内容に応じて決まります(くわしくはお問い合わせください)": "Depends on the project (please ask us)",
    "予算の範囲内で随時受け付けています。申請の前に地域づくり課へご相談ください。": (
        "Applications are taken at any time while the budget lasts. Please talk to the Community Development "
        "Division before applying."
    ),
    "地域おこし協力隊・集落支援員": "Community Revitalization Cooperators and community support staff",
    "地域おこし協力隊": "Community Revitalization Cooperators",
    "人口が減り、高齢化が進む地域に、都市部などから意欲のある人を迎える国の制度です。隊員は地域の活動に加わりながら暮らし、任期の後もその地域に住み続けることで、地域の力を保ち、高めていきます。": (
        "A national program that brings motivated people from cities and elsewhere to areas whose population "
        "is shrinking and ageing. Cooperators live in the area and join in its activities; by staying on after "
        "their term, they help the area keep and build its strength."
    ),
    "地域おこし協力隊のページ": "About Community Revitalization Cooperators",
    "集落支援員": "Community support staff",
    "地域の事情にくわしく、集落の課題への対応に経験と知識を持つ人が、市の職員と協力して集落を回り、暮らしの様子を確かめて、困りごとに目を配ります。": (
        "People who know the area well and have experience with the problems of small communities go round "
        "them with city staff, see how residents are doing and keep an eye out for their worries."
    ),
    "これからも市内のさまざまな地区で、地域運営組織づくりを進めていきます。お住まいの地区の取り組みに、ぜひ目を向けてみてください。": (
        "The city will keep helping region management organizations to form in more districts. Do take an "
        "interest in what is happening where you live."
    ),
    "地域づくりビジョン推進事業補助金の手引き": "Community Development Vision Subsidy: guide",
}
