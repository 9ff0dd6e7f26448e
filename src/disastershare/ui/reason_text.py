"""The lower layers' one-line refusal reasons, said in the UI language.

core/store/sync explain a refusal in English (the CLI and its tests read them as they are). The window
shows them through `localized_reason`: in Japanese, a message matching one of the patterns below becomes
its Japanese template, with the captured numbers, codes and file names put back in; any other message
(or any other language) is returned unchanged: English is better than nothing.

Each pattern must match the whole message; the first that does wins, so a specific pattern goes before a
general one. Captured groups named in `_TRANSLATED_GROUPS` are English words of the core (field labels,
kinds, "snapshot") and are translated through `_WORDS` too; every other group is shown as captured.
"""

from __future__ import annotations

import re

_WORDS = {
    # field labels of core/records.py, core/request_rules.py and core/sheet_import.py
    "quantity on hand": "在庫数",
    "reserved quantity": "自己使用分",
    "reserved": "自己使用分",
    "headcount": "人数",
    "the headcount": "人数",
    "maximum dispatch days": "最長派遣日数",
    "needed quantity": "必要数",
    "quantity": "数量",
    "the quantity": "数量",
    "the accepted quantity": "受諾数",
    "the dispatched quantity": "発送数",
    "the received quantity": "受領数",
    "the returned quantity": "返却数",
    "condition": "状態",
    "priority": "優先度",
    "status": "状況",
    "the last day": "最終日",
    "the first day": "初日",
    "the return date": "返却期限",
    "the date needed": "必要日",
    "the expected arrival": "到着予定日",
    "the dispatch date": "発送日",
    "the receipt date": "受領日",
    # kinds, and what needs them
    "supply": "物資",
    "equipment": "資機材",
    "staff": "人員",
    "an inventory item": "在庫",
    "a staff pool": "派遣可能人員",
    # request steps ("only X can <what>")
    "answer it": "回答",
    "dispatch for it": "発送",
    "record what arrived": "受領の記録",
    "return what it received": "返却",
    # containers
    "snapshot": "スナップショット",
    "bundle": "バンドル",
}

_TRANSLATED_GROUPS = frozenset({"label", "kind", "kinds", "what", "later", "earlier", "of"})

_FILE = r"(?P<file>.+?): "  # core/sheet_reading.py names the file (or "file (sheet 'X')") first
_OF = r"(?:(?P<of>[a-z_]+) )?quantity"  # sheet_import turns "quantity ..." into "reserved quantity ..."
_N = r"-?[\d,]+"
_MERGED = " (after merging with the stored record)"

_TABLE: tuple[tuple[str, str], ...] = (
    # -- core/records.py, core/catalog.py ------------------------------------------------------------------
    (rf"reserved \((?P<reserved>{_N})\) cannot exceed quantity on hand \((?P<on_hand>{_N})\)",
     "自己使用分（{reserved}）は在庫数（{on_hand}）を超えられません"),
    (rf"(?P<label>.+) cannot be negative \((?P<value>{_N})\)", "{label}は負の数にできません（{value}）"),
    (r"(?P<label>.+) must be a whole number", "{label}は整数で入力してください"),
    (rf"(?P<label>.+) must be at least (?P<minimum>{_N}) \(got (?P<value>{_N})\)",
     "{label}は{minimum}以上にしてください（入力値 {value}）"),
    (r"(?P<code>\S+) is a (?P<kind>\w+) type; (?P<what>.+) needs a (?P<kinds>[\w/]+) type",
     "{code} は{kind}の種類です。{what}には{kinds}の種類が必要です"),
    (r"only supplies have an expiry date", "期限を設定できるのは物資だけです"),
    (r"maximum dispatch days must be at least 1", "最長派遣日数は1以上にしてください"),
    (r"available from \((?P<start>[^)]*)\) is after available to \((?P<end>[^)]*)\)",
     "派遣可能開始日（{start}）が派遣可能終了日（{end}）より後になっています"),
    (r"an open need must ask for at least 1", "未充足のニーズの数量は1以上にしてください"),
    (r"unknown resource code '(?P<code>.*)'", "資源コード「{code}」は登録されていません"),
    (r"local resource code '(?P<code>.*)' must be letters A-Z, digits and '-' \(at most 31\)",
     "独自の資源コード「{code}」に使えるのは英大文字 A-Z、数字、「-」だけです（31文字まで）"),
    # -- core/quantities.py (also "reserved quantity ..." from the sheet import) -----------------------------
    (rf"{_OF} is empty", "{of}数量が空です"),
    (rf"{_OF} (?P<value>.+) cannot be negative", "{of}数量 {value} は負の数にできません"),
    (rf"{_OF} (?P<value>.+) is implausibly large \(over 10\^12\)", "{of}数量 {value} は大きすぎます（10^12 超）"),
    (rf"{_OF} (?P<value>.+) is not a whole number", "{of}数量 {value} は整数ではありません"),
    (rf"{_OF} (?P<value>.+) is not a number", "{of}数量 {value} は数値ではありません"),
    # -- core/sheet_import.py --------------------------------------------------------------------------------
    (r"'(?P<text>.*)' is not a valid date", "「{text}」は正しい日付ではありません"),
    (r"'(?P<text>.*)' is not a date \(use e\.g\. (?P<iso>\S+) or (?P<wareki>\S+)\)",
     "「{text}」は日付ではありません（例: {iso}、{wareki}）"),
    (r"(?P<what>\w+) '(?P<text>.*)' is not one of (?P<choices>.+)",
     "{what}「{text}」は {choices} のいずれでもありません"),
    (r"quantity given without a resource name", "品名のない行に数量があります"),
    (r"'(?P<name>.*)' matches several resource types \((?P<codes>.+)\); use the code",
     "「{name}」は複数の資源の種類（{codes}）に当てはまります。コードで指定してください"),
    (r"unknown resource '(?P<name>.*)'", "資源「{name}」は登録されていません"),
    (r"staff rows have no reserved count", "人員の行に自己使用分は指定できません"),
    (r"staff rows have no expiry date", "人員の行に期限は指定できません"),
    # -- core/sheet_reading.py: "<file>: ..." -------------------------------------------------------------
    (rf"{_FILE}file not found", "{file}: ファイルが見つかりません"),
    (rf"{_FILE}is a folder, not a file", "{file}: ファイルではなくフォルダーです"),
    (rf"{_FILE}cannot be read \((?P<detail>.*)\)", "{file}: 読み取れません（{detail}）"),
    (rf"{_FILE}the file is empty", "{file}: ファイルが空です"),
    (rf"{_FILE}is a PDF document, not a spreadsheet; export the table as \.xlsx or CSV",
     "{file}: 表計算ファイルではなく PDF 文書です。表を .xlsx か CSV で書き出してください"),
    (rf"{_FILE}is password-protected or an old \.xls workbook; remove the password or save it as \.xlsx or CSV",
     "{file}: パスワード付きか古い .xls 形式のブックです。パスワードを外すか .xlsx か CSV で保存してください"),
    (rf"{_FILE}is an old-format Excel \(\.xls\) workbook; save it as \.xlsx or CSV",
     "{file}: 古い形式（.xls）の Excel ブックです。.xlsx か CSV で保存してください"),
    (rf"{_FILE}is not valid UTF-16 text", "{file}: 正しい UTF-16 のテキストではありません"),
    (rf"{_FILE}is a binary file, not a CSV or \.xlsx spreadsheet",
     "{file}: CSV や .xlsx の表ではなくバイナリファイルです"),
    (rf"{_FILE}is neither UTF-8 nor Shift_JIS \(cp932\) text; is it a spreadsheet\?",
     "{file}: UTF-8 でも Shift_JIS（cp932）でもないテキストです。表計算ファイルですか？"),
    (rf"{_FILE}line (?P<line>\d+): malformed CSV \((?P<detail>.*)\)",
     "{file}: {line} 行目: CSV の形式が正しくありません（{detail}）"),
    (rf"{_FILE}is a damaged ZIP file, not a readable \.xlsx workbook",
     "{file}: 壊れた ZIP ファイルで、.xlsx のブックとして読めません"),
    (rf"{_FILE}is an OpenDocument file; save it as \.xlsx or CSV",
     "{file}: OpenDocument 形式のファイルです。.xlsx か CSV で保存してください"),
    (rf"{_FILE}is a ZIP archive, not an \.xlsx workbook", "{file}: .xlsx のブックではなく ZIP アーカイブです"),
    (rf"{_FILE}the \.xlsx workbook cannot be read \((?P<detail>.*)\)",
     "{file}: .xlsx のブックを読み取れません（{detail}）"),
    (rf"{_FILE}the workbook has no worksheets", "{file}: ブックにワークシートがありません"),
    (rf"{_FILE}no recognisable header \(expected columns such as 品名 and 数量 / name and quantity\)",
     "{file}: 見出し行が見つかりません（品名・数量などの列が必要です）"),
    # -- sync/container.py, sync/bundle.py, sync/sources.py ------------------------------------------------
    (r"empty file \(0 bytes\)", "空のファイルです（0 バイト）"),
    (r"cannot be read \((?P<detail>.*)\)", "読み取れません（{detail}）"),
    (r"file is larger than (?P<limit>[\d,]+) bytes", "ファイルが大きすぎます（{limit} バイト超）"),
    (r"damaged or truncated (?P<what>\w+) container \((?P<detail>.*)\)",
     "{what}のファイルが壊れているか途中で切れています（{detail}）"),
    (r"not a (?P<what>\w+): not a zip container", "{what}ではありません（zip 形式のファイルではありません）"),
    (r"damaged container directory \((?P<detail>.*)\)", "ファイルの目次が壊れています（{detail}）"),
    (r"the bundle holds no snapshots", "バンドルにスナップショットが入っていません"),
    (r"member (?P<member>\S+) is encrypted", "中のファイル {member} が暗号化されています"),
    (r"member (?P<member>\S+) is truncated", "中のファイル {member} が途中で切れています"),
    (r"member (?P<member>\S+) cannot be read \((?P<detail>.*)\)", "中のファイル {member} を読み取れません（{detail}）"),
    # -- sync/snapshot_reader.py, sync/payload.py ------------------------------------------------------------
    (r"not a snapshot: no (?P<member>\S+) in the container", "スナップショットではありません（{member} がありません）"),
    (r"not a signed snapshot: no (?P<member>\S+) in the container",
     "署名付きのスナップショットではありません（{member} がありません）"),
    (r"(?:payload )?(?P<member>\S+) is not valid JSON", "{member} が正しい JSON ではありません"),
    (r"not a DisasterShare snapshot \(the manifest names another format\)",
     "DisasterShare のスナップショットではありません（別の形式です）"),
    (r"the manifest names no valid signing key", "マニフェストに有効な署名鍵がありません"),
    (r"signed by an unknown key \(fingerprint (?P<fingerprint>[^)]*)\); add the partner's key card first",
     "登録されていない鍵で署名されています（フィンガープリント {fingerprint}）。"
     "先に連携先のキーカードを追加してください"),
    (r"the manifest signature does not verify \(file altered or damaged\)",
     "署名を検証できません（ファイルが改変されたか壊れています）"),
    (r"signed by a replaced key of (?P<partner>\S+) \(retired(?: on (?P<date>[\d-]+))?\); "
     r"snapshots from the old key are refused",
     "{partner} の交換済みの古い鍵で署名されています（{date}失効）。古い鍵のスナップショットは受け付けません"),
    (r"partner (?P<partner>\S+) is disabled; enable it to accept its snapshots",
     "連携先 {partner} は無効になっています。スナップショットを受け付けるには有効にしてください"),
    (r"the manifest claims owner (?P<owner>\S*) but is signed by the key of (?P<partner>\S+)",
     "マニフェストの作成元は {owner} ですが、{partner} の鍵で署名されています"),
    (r"the manifest lists no payload hashes", "マニフェストにデータのハッシュ値がありません"),
    (r"member (?P<member>\S+) is not listed in the manifest", "中のファイル {member} がマニフェストに載っていません"),
    (r"payload member (?P<member>.+) is missing", "データ {member} がありません"),
    (r"payload member (?P<member>\S+) does not match its SHA-256 \(altered or damaged\)",
     "データ {member} が SHA-256 と一致しません（改変されたか壊れています）"),
    (r"the manifest has no valid format version", "マニフェストに有効な形式バージョンがありません"),
    (r"format version (?P<version>\d+) is newer than this app understands \((?P<ours>\d+)\); update DisasterShare",
     "形式バージョン {version} はこのアプリ（{ours} まで対応）より新しいため読めません。"
     "DisasterShare を更新してください"),
    (r"the manifest does not say whether it is a drill", "マニフェストに訓練かどうかが書かれていません"),
    (r"a drill snapshot cannot be imported into a live workspace",
     "訓練のスナップショットは本番のワークスペースに取り込めません"),
    (r"a live snapshot cannot be imported into a drill workspace",
     "本番のスナップショットは訓練のワークスペースに取り込めません"),
    (r"the manifest has no valid sequence number", "マニフェストに有効な通し番号がありません"),
    (r"the manifest has no valid creation time", "マニフェストに有効な作成日時がありません"),
    # -- sync/import_session.py ------------------------------------------------------------------------------
    (r"already applied", "取り込み済みです"),
    (r"older than the applied #(?P<sequence>\d+)", "取り込み済みの #{sequence} より古いスナップショットです"),
    (r"fork: (?P<file>.+) and the applied (?P<applied>.+) are both (?P<owner>\S+) #(?P<sequence>\d+) but differ "
     r"\(a laptop restored from a backup\?\); nothing applied",
     "分岐: {file} と取り込み済みの {applied} はどちらも {owner} #{sequence} ですが内容が異なります"
     "（バックアップから戻したパソコン？）。何も取り込んでいません"),
    (r"own snapshot: own records never change by import",
     "自分のスナップショットです（自分の記録は取り込みでは変わりません）"),
    (r"its record ids collide with records of another municipality", "記録の ID が別の自治体の記録と重なっています"),
    # -- store/request_store.py, core/request_rules.py, sync/partners.py ------------------------------------
    (rf"cannot accept (?P<accepted>{_N}): only (?P<requested>{_N}) were requested",
     "{accepted} は受諾できません（要請は {requested} だけです）"),
    (r"this request of (?P<owner>\S+) is addressed to (?P<supplier>\S+), not to (?P<us>\S+)",
     "この要請は {owner} から {supplier} 宛てで、{us} 宛てではありません"),
    (r"this is our own request to (?P<supplier>\S+); only (?P=supplier) can (?P<what>.+)",
     "これは {supplier} への自分たちの要請です。{what}は {supplier} だけができます"),
    (r"only the requester (?P<owner>\S+) can cancel this request; answer 0 \(decline\) instead",
     "要請を取り消せるのは要請元の {owner} だけです。代わりに 0（辞退）と回答してください"),
    (r"only the requester (?P<owner>\S+) can (?P<what>.+)", "{what}は要請元の {owner} だけができます"),
    (r"no request with id '(?P<id>.*)' \(see 'disastershare requests list'\)", "ID「{id}」の要請はありません"),
    (r"'(?P<id>.*)' is the start of several request ids; give more of it",
     "「{id}」で始まる要請 ID が複数あります。もっと長く指定してください"),
    (r"(?P<code>\S+) is not a partner of this workspace; requests go only to partners "
     r"\(add its key card with 'partners add'\)",
     "{code} はこのワークスペースの連携先ではありません。"
     "要請は連携先にだけ送れます（先にキーカードを追加してください）"),
    (r"(?P<code>\S+) is not a partner of this workspace \(see 'partners list'\)",
     "{code} はこのワークスペースの連携先ではありません"),
    (r"partner (?P<code>\S+) is disabled; enable it before sending it requests",
     "連携先 {code} は無効になっています。要請を送る前に有効にしてください"),
    (r"a municipality cannot request from itself", "自分の自治体には要請できません"),
    (r"the requester has cancelled this request", "要請元がこの要請を取り消しました"),
    (r"this request is already cancelled", "この要請は取り消し済みです"),
    (rf"(?P<count>{_N}) already dispatched; the answer can no longer change",
     "すでに {count} 発送済みのため、回答は変更できません"),
    (rf"(?P<count>{_N}) already dispatched; record the receipt \(and the return\) instead",
     "すでに {count} 発送済みです。代わりに受領（と返却）を記録してください"),
    (r"answer the request before dispatching", "発送の前に要請に回答してください"),
    (r"this request was declined; nothing can be dispatched", "この要請は辞退済みのため、発送できません"),
    (rf"cannot dispatch (?P<quantity>{_N}): (?P<accepted>{_N}) accepted, (?P<done>{_N}) already dispatched",
     "{quantity} は発送できません（受諾 {accepted}、発送済み {done}）"),
    (rf"cannot receive (?P<quantity>{_N}): (?P<dispatched>{_N}) dispatched so far \(as far as the supplier's "
     rf"snapshots tell\), (?P<received>{_N}) already received",
     "{quantity} は受領できません（相手のスナップショットによる発送済み {dispatched}、受領済み {received}）"),
    (rf"cannot return (?P<quantity>{_N}): (?P<received>{_N}) received, (?P<returned>{_N}) already returned",
     "{quantity} は返却できません（受領 {received}、返却済み {returned}）"),
    (r"only equipment and staff are returned; supplies are consumed",
     "返却するのは資機材と人員だけです（物資は消費されます）"),
    (r"a staff request needs a period \(first and last day of work\)",
     "人員の要請には派遣期間（初日と最終日）が必要です"),
    (r"staff go back at the end of their period; give no return date",
     "人員は期間の終わりに戻るため、返却期限は指定できません"),
    (r"only staff requests have a period of work", "派遣期間があるのは人員の要請だけです"),
    (r"only staff requests have a work type", "業務の種類があるのは人員の要請だけです"),
    (r"supplies are consumed, not returned; give no return date",
     "物資は消費され返却されないため、返却期限は指定できません"),
    (r"(?P<later>the [a-z ]+) \((?P<later_date>[^)]*)\) is before (?P<earlier>the [a-z ]+) \((?P<earlier_date>[^)]*)\)",
     "{later}（{later_date}）が{earlier}（{earlier_date}）より前になっています"),
    # -- store/lock.py -------------------------------------------------------------------------------------------
    (r"workspace is in use by another DisasterShare \(it is starting up: (?P<path>.+)\)",
     "ワークスペースは別の DisasterShare が使用中です（起動中: {path}）"),
    (r"workspace is in use by (?P<host>.+) PID (?P<pid>\d+) since (?P<since>.+?) "
     r"\(if that computer no longer has it open, delete (?P<path>.+)\)",
     "ワークスペースは {host}（PID {pid}、{since} から）が使用中です"
     "（そのコンピューターで開いていなければ {path} を削除してください）"),
    (r"workspace is in use by (?P<host>.+) PID (?P<pid>\d+) since (?P<since>.+)",
     "ワークスペースは {host}（PID {pid}、{since} から）が使用中です"),
    (r"could not take the workspace lock (?P<path>.+); try again",
     "ワークスペースのロック {path} を取得できませんでした。もう一度試してください"),
)

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), t) for p, t in _TABLE)
PATTERN_COUNT = len(_PATTERNS)


def _word(group: str, value: str | None) -> str:
    if value is None:
        return ""
    if group == "kinds":
        return "・".join(_WORDS.get(kind, kind) for kind in value.split("/"))
    if group == "of":
        return _WORDS.get(value, value) + "の"
    return _WORDS.get(value, value)


def _japanese(message: str) -> str | None:
    for pattern, template in _PATTERNS:
        match = pattern.fullmatch(message)
        if match is not None:
            values = {name: _word(name, value) if name in _TRANSLATED_GROUPS else (value or "")
                      for name, value in match.groupdict().items()}
            return template.format(**values)
    return None


def localized_reason(message: str, language: str) -> str:
    """`message` (a core/store/sync reason) in `language`; unchanged if it is English or not known here."""
    if language != "ja" or not message:
        return message
    text = message.strip()
    if text.endswith(_MERGED):  # a sheet-import row refused once merged with the stored record
        inner = _japanese(text[: -len(_MERGED)])
        return f"{inner}（保存済みの記録と合わせた結果）" if inner is not None else message
    translated = _japanese(text)
    return translated if translated is not None else message


def exception_reason(exc: BaseException) -> str:
    """A refused operation's one-line reason in the window's current language."""
    from disastershare.ui.translations import current_language  # late: translations imports Qt widgets

    return localized_reason(str(exc), current_language())
