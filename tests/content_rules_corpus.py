"""Positive and negative examples for every content rule, with the rules each one should trigger.

Each case lists every rule that should fire on it (an empty set: none should). The corpus includes
texts where a space or a symbol is right (a haiku, names, an English sentence, ※ notes, version
numbers, addresses) and a few hard cases the rules are known to get wrong, so that the figures in
``tests/test_content_rules.py`` measure precision as well as recall.
"""

from __future__ import annotations

from typing import NamedTuple

from wagtail_chiiki.content_rules import Kind


class Case(NamedTuple):
    text: str
    expect: frozenset[str]
    kind: Kind = Kind.TEXT
    level: int = 0
    # False for rich text the package does not mark external links in by itself (a host site's).
    marks_external_links: bool = True


def case(text: str, *rules: str, kind: Kind = Kind.TEXT, level: int = 0, marks: bool = True) -> Case:
    return Case(text, frozenset(rules), kind, level, marks)


MD, HK, FW, SP, DT = (
    "machine-dependent",
    "halfwidth-katakana",
    "fullwidth-alphanumeric",
    "interword-space",
    "date-format",
)
LT, DL, EL, HO, EH = "link-text", "document-link", "external-link", "heading-order", "empty-heading"
BH, TS, LY, IA, DS, MB = (
    "bold-heading",
    "table-structure",
    "layout-table",
    "image-alt",
    "decorative-symbols",
    "mixed-brackets",
)

CASES: list[Case] = [
    # 機種依存文字
    case("①受付 ②会場へ移動", MD),
    case("主催：㈱みどり観光", MD),
    case("㍻31年に設立", MD),
    case("約3㌔の遊歩道", MD),
    case("第Ⅲ期計画", MD),
    case("面積は12㎢です", MD),
    case("お問い合わせ№12", MD),
    case("(1)受付 (2)会場へ移動"),
    case("主催：株式会社みどり観光"),
    case("約3キロの遊歩道"),
    case("第3期計画"),
    # 半角カナ
    case("ｶﾗｵｹ大会", HK),
    case("ﾊﾞｽの時刻表", HK),
    case("｢湊ﾏﾙｼｪ｣を開きます", HK),
    case("カラオケ大会"),
    case("バスの時刻表"),
    # 全角英数字
    case("ＡＥＤの使い方", FW),
    case("定員は３０人です", FW),
    case("ｍａｉｌ＠ｅｘａｍｐｌｅ．ｊｐ", FW),
    case("第１回ワークショップ", FW),
    case("AEDの使い方"),
    case("定員は30人です"),
    case("（申込不要）、「地域」、！？"),
    # 空白
    case("会　場：一箕公民館", SP),
    case("日　時：6月21日", SP),
    case("所 在 地：湊町", SP),
    case("持ち物　　筆記用具", SP),
    case("北会津 、河東、湊", SP),
    case("詳しくは広報紙 。", SP),
    case("古池や　蛙飛び込む　水の音"),  # a haiku: spaces between its lines
    case("山田　太郎"),  # family and given name
    case("市長　山田太郎"),
    case("John Smith, Mayor of Midori City"),
    case("　地域の暮らしを守ります。"),  # an indented paragraph
    case("みなと地区 ささえあい会議"),
    case("林　修"),  # hard case: a one-character family and given name looks like spaced-out text
    # 日付
    case("2024/6/21に開催", DT),
    case("開催日2024.6.21(金)", DT),
    case("R6.6.21から受付", DT),
    case("令和6.6.21から受付", DT),
    case("締切 2024-06-30", DT),
    case("6/21(金)開催", DT),
    case("令和6年6月21日(金)に開催"),
    case("https://www.example.jp/2024/06/21/news.html"),
    case("バージョン 1.2.3 を公開"),
    case("補助率は2/3以内"),
    case("電話 0242-39-1111"),
    case("192.168.10.1 に接続"),
    case("9999/99/99 は日付ではない"),
    # リンクの文言
    case('<p>申込は<a href="/apply/">こちら</a>から</p>', LT, kind=Kind.HTML),
    case('<p><a linktype="page" id="3">ここをクリック</a></p>', LT, kind=Kind.HTML),
    case('<p><a href="/x/">Click here</a></p>', LT, kind=Kind.HTML),
    case('<p><a href="https://www.example.jp/">https://www.example.jp/</a></p>', LT, kind=Kind.HTML),
    case("詳細", LT, kind=Kind.LINK),
    case("www.example.jp/bus", LT, kind=Kind.LINK),
    case('<p><a linktype="page" id="3">申込方法のページ</a></p>', kind=Kind.HTML),
    case("みなとバスの時刻表", kind=Kind.LINK),
    case("詳しくはこちらのパンフレットをご覧ください。"),  # こちら in prose, not a link
    # ファイルへのリンク
    case('<p><a linktype="document" id="4">申請書</a></p>', DL, kind=Kind.HTML),
    case('<p><a href="/media/flyer.pdf">チラシ</a></p>', DL, kind=Kind.HTML),
    case('<p><a href="/media/form.xlsx">様式(エクセル)</a></p>', DL, kind=Kind.HTML),
    case('<p><a linktype="document" id="4">申請書(PDF 120KB)</a></p>', kind=Kind.HTML),
    case('<p><a href="/media/flyer.pdf">チラシ[PDF:927KB]</a></p>', kind=Kind.HTML),
    case('<p><a href="/media/form.docx">様式(Word 1.2MB)</a></p>', kind=Kind.HTML),
    # 他サイトへのリンク(自分では印を付けないリッチテキスト)
    case('<p><a href="https://www.city.example.jp/">市のページ</a></p>', EL, kind=Kind.HTML, marks=False),
    case('<p><a href="http://example.com/guide">Visitor guide</a></p>', EL, kind=Kind.HTML, marks=False),
    case(
        '<p><a href="https://www.city.example.jp/" title="外部サイト">市のページ</a></p>',
        kind=Kind.HTML,
        marks=False,
    ),
    case('<p><a href="https://www.city.example.jp/">市のページ</a></p>', kind=Kind.HTML),  # marked when shown
    case(
        '<p><a href="https://www.city.example.jp/">市のページ(外部サイト)</a></p>',
        kind=Kind.HTML,
        marks=False,
    ),
    case('<p><a href="https://testserver/about/">このサイトについて</a></p>', kind=Kind.HTML, marks=False),
    case('<p><a linktype="page" id="2">ホーム</a></p>', kind=Kind.HTML, marks=False),
    # 見出し
    case("<h3>活動</h3><p>本文</p>", HO, kind=Kind.HTML),  # h3 right under the page title (h1)
    case("<h2>活動</h2><h4>詳細</h4>", HO, kind=Kind.HTML),
    case("<h2>活動</h2><h3>詳細</h3><h2>次</h2>", kind=Kind.HTML),
    case("<h2></h2><p>本文</p>", EH, kind=Kind.HTML),
    case("<h2>  </h2>", EH, kind=Kind.HTML),
    case("<p><b>持ち物</b></p><p>筆記用具</p>", BH, kind=Kind.HTML),
    case("<p><strong>申込方法</strong></p>", BH, kind=Kind.HTML),
    case("<p><b>注意：</b>雨天中止です。</p>", kind=Kind.HTML),
    case("<p><b>当日は雨天でも開催しますので、雨具をご用意のうえお越しください。</b></p>", kind=Kind.HTML),
    case("活動", kind=Kind.HEADING, level=2),
    case("活動の詳細", HO, kind=Kind.HEADING, level=4),
    # 表
    case("<table><tr><td>日時</td><td>6月21日</td></tr></table>", TS, kind=Kind.HTML),
    case("<table><caption>日程</caption><tr><td>6月</td></tr></table>", TS, kind=Kind.HTML),
    case("<table><tr><th>日時</th></tr><tr><td>6月</td></tr></table>", TS, kind=Kind.HTML),
    case(
        '<table><caption>日程</caption><tr><th scope="col">日時</th></tr><tr><td>6月</td></tr></table>',
        kind=Kind.HTML,
    ),
    case('<table role="presentation"><tr><td>左</td><td>右</td></tr></table>', LY, kind=Kind.HTML),
    case("<table><tr><td><table><tr><td>入れ子</td></tr></table></td></tr></table>", LY, kind=Kind.HTML),
    # 画像の代替テキスト
    case('<p><embed embedtype="image" alt="" id="1" format="left"/></p>', IA, kind=Kind.HTML),
    case('<img src="/a.png">', IA, kind=Kind.HTML),
    case('<img src="/a.png" alt="IMG_2034.JPG">', IA, kind=Kind.HTML),
    case("画像", IA, kind=Kind.ALT),
    case("写真", IA, kind=Kind.ALT),
    case("DSC01234", IA, kind=Kind.ALT),
    case("bus-map.png", IA, kind=Kind.ALT),
    case('<img src="/line.png" alt="" role="presentation">', kind=Kind.HTML),
    case('<p><embed embedtype="image" alt="湊地区の地図" id="1" format="left"/></p>', kind=Kind.HTML),
    case("湖沿いの道を走るみなとバスのイラスト", kind=Kind.ALT),
    case("写真コンテストの入賞作品", kind=Kind.ALT),
    # 記号と絵文字
    case("★★★ 新着情報 ★★★", DS),
    case("※※ ご注意ください ※※", DS),
    case("夏まつり開催🎉", DS),
    case("■■■■■■■■", DS),
    case("※雨天中止"),
    case("★印は申込が必要な催しです"),
    case("会場 → 公民館"),
    # 括弧の幅(サイトの決まり。既定では無効)
    case("（申込不要）詳しくは(別紙)", MB),
    case("(株)みどり（旧みどり観光）", MB),
    case("みなとバス(イメージ)"),
    case("（申込不要）"),
    case("Taro Yamada (Mayor)"),
]
