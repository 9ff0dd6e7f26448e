"""What an import plan says, in English and Japanese: one template pair per code, typed parameters.

Problems and notes carry a code and parameters, not a finished sentence, so the CLI (English, or
--language ja) and the window (the user's language) render the same fact without translating prose back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

TEMPLATES: dict[str, tuple[str, str]] = {
    # problems
    "unknown_name": ("unknown resource '{name}'", "品目「{name}」はカタログにありません"),
    "ambiguous_name": ("'{name}' matches several resource types ({codes}); choose one",
                       "「{name}」は複数の品目に当てはまります（{names}）。どれか選んでください"),
    "pack_size": ("'{name}': {unit} cannot be counted in {base} without the pack size; "
                  "give how many {base} one {unit} holds",
                  "「{name}」: {unit}は入数がないと{base}に換算できません。1{unit}あたりの{base}数を入力してください"),
    "incompatible_unit": ("'{name}': {unit} cannot be converted to {base}, the catalog unit",
                          "「{name}」: {unit}はカタログの単位{base}に換算できません"),
    "unit_conflict": ("the quantity says {cell_unit} but the unit column says {column_unit}",
                      "数量は{cell_unit}、単位列は{column_unit}で食い違っています"),
    "not_whole": ("{explain} is not a whole number of {base}; correct the quantity",
                  "{explain} は{base}の整数になりません。数量を直してください"),
    "no_name": ("quantity given without a resource name", "品名がないのに数量があります"),
    "text_too_long": ("{field} is longer than {limit} characters", "{field}が{limit}文字を超えています"),
    "merged_too_long": ("the notes of the rows merged into this record exceed {limit} characters",
                        "まとめた行の備考が合わせて{limit}文字を超えます"),
    "invalid": ("{reason}", "{reason}"),
    # notes
    "converted": ("'{name}': {explain}", "「{name}」: {explain}"),
    "month_only": ("{text} read as {day} (the last day of that month)", "{text}は月末の{day}として読みました"),
    "near_match": ("'{name}' read as {code} {type_name}", "「{name}」を{type_name}（{code}）として読みました"),
    "chosen_name": ("'{name}' read as {code} {type_name} (chosen in this import)",
                    "「{name}」は選んだとおり{type_name}（{code}）として読みました"),
    "learned_name": ("'{name}' read as {code} {type_name} (a name this workspace has learned)",
                     "「{name}」を覚えた名前から{type_name}（{code}）として読みました"),
    "sheet_read": ("sheet '{sheet}': {rows} rows read", "シート「{sheet}」: {rows}行を読みました"),
    "sheet_location": ("sheet '{sheet}' has no location column: its rows are stored at '{sheet}'",
                       "シート「{sheet}」には保管場所の列がないため、保管場所を「{sheet}」としました"),
    "sheet_hidden": ("sheet '{sheet}' not read: it is hidden", "シート「{sheet}」は非表示のため読みませんでした"),
    "sheet_no_header": ("sheet '{sheet}' not read: no recognisable header",
                        "シート「{sheet}」は見出し行が見つからないため読みませんでした"),
    "sheet_not_chosen": ("sheet '{sheet}' not read: not chosen",
                         "シート「{sheet}」は選ばれていないため読みませんでした"),
    "row_skipped": ("line {line} skipped: {reason}", "{line}行目を取り込みません: {reason}"),
}
FIELD_NAMES = {"quantity": ("quantity", "数量"), "reserved": ("reserved", "確保数"), "expiry": ("expiry", "期限"),
               "needed_by": ("needed by", "必要日"), "note": ("note", "備考"), "location": ("location", "保管場所"),
               "unit": ("unit", "単位"), "pack_size": ("pack size", "入数"), "condition": ("condition", "状態"),
               "priority": ("priority", "優先度"), "name": ("name", "品名")}


@dataclass(frozen=True)
class Message:
    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, language: str = "en") -> str:
        en, ja = TEMPLATES[self.code]
        values = dict(self.params)
        if "field" in values:
            names = FIELD_NAMES.get(str(values["field"]))
            if names:
                values["field"] = names[1] if language == "ja" else names[0]
        return (ja if language == "ja" else en).format(**values)

    def __str__(self) -> str:
        return self.text("en")
