<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AddRecordDialog</name>
    <message>
        <source>Add a row</source>
        <translation>行の追加</translation>
    </message>
    <message>
        <source>Choose the resource type. The other columns can be filled in the table.</source>
        <translation>品目を選んでください。その他の項目は表の中で入力できます。</translation>
    </message>
    <message>
        <source>Search by name or code</source>
        <translation>品目名・コードで検索</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量:</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>Food</source>
        <translation>食料</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>水</translation>
    </message>
    <message>
        <source>Infant care</source>
        <translation>乳幼児用品</translation>
    </message>
    <message>
        <source>Hygiene</source>
        <translation>衛生用品</translation>
    </message>
    <message>
        <source>Toilets and sanitation</source>
        <translation>トイレ・衛生</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>避難所</translation>
    </message>
    <message>
        <source>Flood defence</source>
        <translation>水害対策</translation>
    </message>
    <message>
        <source>Power, fuel and lighting</source>
        <translation>電源・燃料・照明</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>保健・医療</translation>
    </message>
    <message>
        <source>Rescue</source>
        <translation>救助</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>輸送</translation>
    </message>
    <message>
        <source>Waste</source>
        <translation>廃棄物</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>通信</translation>
    </message>
    <message>
        <source>Disaster management</source>
        <translation>災害マネジメント</translation>
    </message>
    <message>
        <source>Damage assessment</source>
        <translation>被害認定・調査</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>Welfare and recovery</source>
        <translation>福祉・生活再建</translation>
    </message>
    <message>
        <source>Civil engineering</source>
        <translation>土木</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Resource</source>
        <translation>品目</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在庫数</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>自己使用分</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>保管場所</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>自治体</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>必要期日</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>職種・資格</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Available from</source>
        <translation>派遣可能開始日</translation>
    </message>
    <message>
        <source>Available to</source>
        <translation>派遣可能終了日</translation>
    </message>
    <message>
        <source>Max dispatch days</source>
        <translation>最長派遣日数</translation>
    </message>
    <message>
        <source>Contact section</source>
        <translation>担当課</translation>
    </message>
</context>
<context>
    <name>CreateWorkspaceDialog</name>
    <message>
        <source> (former code)</source>
        <translation>（旧コード）</translation>
    </message>
    <message>
        <source>The workspace was not created: {reason}</source>
        <translation>ワークスペースを作成できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Create a workspace</source>
        <translation>ワークスペースの作成</translation>
    </message>
    <message>
        <source>No workspace yet. Find your municipality by name, kana or 6-digit code; its records, signing key and settings are kept in the folder below.</source>
        <translation>ワークスペースがまだありません。自治体名・よみがな・6桁の団体コードで自団体を検索してください。データ、署名鍵、設定は下のフォルダに保存されます。</translation>
    </message>
    <message>
        <source>e.g. 千代田区, ちよだ or 131016</source>
        <translation>例: 千代田区、ちよだ、131016</translation>
    </message>
    <message>
        <source>Drill workspace (for exercises; permanently marked as a drill)</source>
        <translation>訓練用ワークスペース（演習用。訓練用として固定されます）</translation>
    </message>
    <message>
        <source>Folder: {path}</source>
        <translation>保存先フォルダ: {path}</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>作成</translation>
    </message>
</context>
<context>
    <name>Delegates</name>
    <message>
        <source>e.g. 2026-12-31 (blank: none)</source>
        <translation>例: 2026-12-31（空欄で期限なし）</translation>
    </message>
    <message>
        <source>a number (blank: not set)</source>
        <translation>数値（空欄で指定なし）</translation>
    </message>
</context>
<context>
    <name>DrillBanner</name>
    <message>
        <source>DRILL / 訓練 — drill workspace: not real stock or needs</source>
        <translation>訓練 / DRILL — 訓練用ワークスペース（実際の在庫・ニーズではありません）</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>resource</source>
        <translation>品目</translation>
    </message>
    <message>
        <source>on hand</source>
        <translation>在庫数</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>自己使用分</translation>
    </message>
    <message>
        <source>location</source>
        <translation>保管場所</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>expiry</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>available from</source>
        <translation>派遣可能開始日</translation>
    </message>
    <message>
        <source>available to</source>
        <translation>派遣可能終了日</translation>
    </message>
    <message>
        <source>max dispatch days</source>
        <translation>最長派遣日数</translation>
    </message>
    <message>
        <source>contact section</source>
        <translation>担当課</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>needed by</source>
        <translation>必要期日</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状況</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All kinds</source>
        <translation>すべての種別</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>すべての分類</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>種別:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>分類:</translation>
    </message>
    <message>
        <source>Search by name, code or location (kana or katakana)</source>
        <translation>品目名・コード・保管場所で検索（ひらがな・カタカナ可）</translation>
    </message>
    <message>
        <source>Show partners' data (read-only)</source>
        <translation>応援協定先のデータも表示（閲覧のみ）</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Action</source>
        <translation>処理</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>品目</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>候補</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題あり</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the fields of one row</comment>
        <translation>、</translation>
    </message>
    <message>
        <source> ({rows} rows)</source>
        <translation>（{rows}行）</translation>
    </message>
    <message>
        <source>'{value}' is not a date: write e.g. 2030-03-31, 令和12年3月31日 or 令和12年3月</source>
        <translation>「{value}」は日付として読めません。2030-03-31、令和12年3月31日、令和12年3月のように書いてください</translation>
    </message>
    <message>
        <source>Line {line} of the file</source>
        <translation>ファイルの{line}行目</translation>
    </message>
    <message>
        <source>Rows not imported: {n}.</source>
        <translation>取込まなかった行: {n}行</translation>
    </message>
    <message>
        <source>Sheet {sheet}, line {line}</source>
        <translation>シート「{sheet}」の{line}行目</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>{line}行目</translation>
    </message>
    <message>
        <source>line {line}: </source>
        <translation>{line}行目: </translation>
    </message>
    <message>
        <source>sheet {sheet}, line {line}</source>
        <translation>シート「{sheet}」{line}行目</translation>
    </message>
    <message>
        <source>sheet {sheet}, line {line}: </source>
        <translation>シート「{sheet}」{line}行目: </translation>
    </message>
    <message>
        <source>you chose not to import it</source>
        <translation>取込まないことにしました</translation>
    </message>
    <message>
        <source>• {where} ({name}): {why}</source>
        <translation>・{where}（{name}）: {why}</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>…ほか{n}行</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>取込むファイルを選択</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>表計算ファイル (*.csv *.tsv *.txt *.xlsx *.xlsm);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>This file cannot be imported: {reason}</source>
        <translation>このファイルは取込めません: {reason}</translation>
    </message>
    <message>
        <source>Checking was cancelled; nothing was imported.</source>
        <translation>確認を中止しました。何も取込まれていません。</translation>
    </message>
    <message>
        <source>Rows read: {rows}. To add: {adds}. To change: {changes}. Unchanged: {same}. Problem rows: {problems}.</source>
        <translation>読込行数: {rows}　追加: {adds}　変更: {changes}　変更なし: {same}　問題のある行: {problems}</translation>
    </message>
    <message>
        <source>Fix the problem rows in the file, or tick the box below to import the rest.</source>
        <translation>問題のある行をファイルで修正するか、下のチェックを入れて残りの行を取込んでください。</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>取込みませんでした: {reason}</translation>
    </message>
    <message>
        <source>Imported: {adds} added, {changes} changed.</source>
        <translation>取込完了: 追加 {adds} 件、変更 {changes} 件</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>表計算ファイルの取込</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel (.xlsx) file. The file is checked first; nothing is saved until you press Import.</source>
        <translation>CSV または Excel（.xlsx）ファイルを選んでください。まず内容を確認します。「取込」を押すまで何も保存されません。</translation>
    </message>
    <message>
        <source>Inventory and staff (stock lists, staff headcounts)</source>
        <translation>在庫・職員（備蓄品一覧、派遣可能人数）</translation>
    </message>
    <message>
        <source>Needs (what is short)</source>
        <translation>ニーズ（不足している物資・人員）</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Check file</source>
        <translation>ファイルを確認</translation>
    </message>
    <message>
        <source>Reading and checking the file…</source>
        <translation>ファイルを読み込んで確認しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Skip the problem rows and import the rest</source>
        <translation>問題のある行を除いて取込む</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取込</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Learned names…</source>
        <translation>覚えた名前…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Recomputing was cancelled; the last fix was undone.</source>
        <translation>再計算を中止しました。最後の修正は取り消されました。</translation>
    </message>
    <message>
        <source>Recomputing…</source>
        <translation>再計算しています…</translation>
    </message>
    <message>
        <source>Rows you chose not to import: {n}.</source>
        <translation>取込まないことにした行: {n}</translation>
    </message>
    <message>
        <source>Select a problem row to fix it in the panel on the right, or tick the box below to import the rest.</source>
        <translation>問題のある行を選ぶと右の欄で直せます。または下のチェックを入れて残りの行を取込んでください。</translation>
    </message>
    <message>
        <source>The fix was undone: {reason}</source>
        <translation>修正を取り消しました: {reason}</translation>
    </message>
    <message>
        <source>The type was not created: {reason}</source>
        <translation>品目を作成できませんでした: {reason}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Supply</source>
        <translation>物資</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>資機材</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人員</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>使用可</translation>
    </message>
    <message>
        <source>Needs check</source>
        <translation>要点検</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破損</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未充足</translation>
    </message>
    <message>
        <source>Partly met</source>
        <translation>一部充足</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>充足</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Not saved ({field}): {reason}</source>
        <translation>保存できませんでした（{field}）: {reason}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>保存できませんでした: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Imported: {adds} added, {changes} changed.</source>
        <translation>取込完了: 追加 {adds} 件、変更 {changes} 件</translation>
    </message>
    <message>
        <source>About DisasterShare</source>
        <translation>DisasterShare について</translation>
    </message>
    <message>
        <source>DisasterShare {version}
Share disaster-response resources with partner municipalities.</source>
        <translation>DisasterShare {version}
応援協定を結ぶ自治体間で災害対応資源の情報を共有します。</translation>
    </message>
    <message>
        <source>DisasterShare — {municipality}</source>
        <translation>DisasterShare — {municipality}</translation>
    </message>
    <message>
        <source>[DRILL] {title}</source>
        <translation>【訓練】{title}</translation>
    </message>
    <message>
        <source>Workspace: {path}</source>
        <translation>ワークスペース: {path}</translation>
    </message>
    <message>
        <source>Restored {file}; the previous database is kept as {copy}.</source>
        <translation>{file} から復元しました。復元前のデータベースは {copy} に保存されています。</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <source>Select one or more of your own rows to remove.</source>
        <translation>削除する自団体の行を選択してください。</translation>
    </message>
    <message>
        <source>{shown} of {total} rows</source>
        <translation>{total} 件中 {shown} 件を表示</translation>
    </message>
    <message>
        <source>Add row…</source>
        <translation>行を追加…</translation>
    </message>
    <message>
        <source>Remove selected rows</source>
        <translation>選択した行を削除</translation>
    </message>
    <message>
        <source>Import spreadsheet…</source>
        <translation>表計算ファイルの取込…</translation>
    </message>
    <message>
        <source>No needs yet. Enter what is short with “Add row…”, or read a list of needs with “Import spreadsheet…”: the Shortfalls tab then proposes transfers from partners.</source>
        <translation>まだニーズがありません。不足している物資・人員を「行を追加…」で入力するか、「表計算ファイルの取込…」でニーズの一覧を読み込んでください。「不足と調整」タブに連携先からの輸送案が表示されます。</translation>
    </message>
    <message>
        <source>No staff yet. Read the headcounts you can send with “Import spreadsheet…”, or type them in with “Add row…”.</source>
        <translation>まだ職員がありません。「表計算ファイルの取込…」で派遣できる人数を読み込むか、「行を追加…」で入力してください。</translation>
    </message>
    <message>
        <source>No stock yet. Read your stock list with “Import spreadsheet…”, or type it in with “Add row…”.</source>
        <translation>まだ在庫がありません。「表計算ファイルの取込…」で備蓄一覧を読み込むか、「行を追加…」で入力してください。</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Read-only: data of {name}</source>
        <translation>閲覧のみ: {name}のデータ</translation>
    </message>
</context>
<context>
    <name>InventoryTableModel</name>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Expired: not counted as available</source>
        <translation>期限切れ: 提供可能数に数えません</translation>
    </message>
    <message>
        <source>Expires in {n} days</source>
        <translation>期限まであと{n}日</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>本日が期限</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>Inventory</source>
        <translation>在庫</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>ニーズ</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>連携先</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>報告書</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同期</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <source>removal of {count} rows</source>
        <translation>{count} 行の削除</translation>
    </message>
    <message>
        <source>edit of {code}</source>
        <translation>{code} の編集</translation>
    </message>
    <message>
        <source>new row {code}</source>
        <translation>{code} の追加</translation>
    </message>
    <message>
        <source>removal of {code}</source>
        <translation>{code} の削除</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <source>&amp;Import spreadsheet…</source>
        <translation>表計算ファイルの取込(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Add row…</source>
        <translation>行を追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove selected rows</source>
        <translation>選択した行を削除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About DisasterShare</source>
        <translation>DisasterShare について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>今すぐバックアップ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>バックアップから復元(&amp;R)…</translation>
    </message>
    <message>
        <source>New &amp;drill from scenario…</source>
        <translation>訓練を新規作成(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Manual (first steps)</source>
        <translation>操作の手引き(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>ワークスペースを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Back to the &amp;live workspace</source>
        <translation>実運用のワークスペースに戻る(&amp;L)</translation>
    </message>
    <message>
        <source>Recent &amp;workspaces</source>
        <translation>最近使ったワークスペース(&amp;W)</translation>
    </message>
</context>
<context>
    <name>AddPartnerDialog</name>
    <message>
        <source>Add a partner</source>
        <translation>連携先の追加</translation>
    </message>
    <message>
        <source>Add partner</source>
        <translation>連携先に追加</translation>
    </message>
    <message>
        <source>Agreement:</source>
        <translation>協定の種類:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose the key card file your partner sent you. Then phone the partner and ask them to read out their fingerprint: it must match the one shown here in every group.</source>
        <translation>連携先から受け取った鍵カードのファイルを選んでください。次に連携先に電話し、フィンガープリントを読み上げてもらってください。ここに表示されたものと全グループが一致しなければなりません。</translation>
    </message>
    <message>
        <source>Choose the partner's key card</source>
        <translation>連携先の鍵カードを選択</translation>
    </message>
    <message>
        <source>I compared the fingerprint by phone with the partner: it is the same</source>
        <translation>電話で連携先とフィンガープリントを照合し、一致を確認しました</translation>
    </message>
    <message>
        <source>Key card:</source>
        <translation>鍵カード:</translation>
    </message>
    <message>
        <source>Key cards (*{suffix});;All files (*)</source>
        <translation>鍵カード (*{suffix});;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>This key card cannot be added: {reason}</source>
        <translation>この鍵カードは追加できません: {reason}</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Backup</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>Backup written to:
{path}</source>
        <translation>バックアップを保存しました:
{path}</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>バックアップを保存しました: {path}</translation>
    </message>
    <message>
        <source>Backups (*.sqlite);;All files (*)</source>
        <translation>バックアップ (*.sqlite);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>No backup was written: {reason}</source>
        <translation>バックアップを保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation>復元するバックアップを選択</translation>
    </message>
    <message>
        <source>Wait until the running task has finished before restoring.</source>
        <translation>実行中の処理が終わってから復元してください。</translation>
    </message>
</context>
<context>
    <name>KeyCardDialog</name>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Key cards (*{suffix});;All files (*)</source>
        <translation>鍵カード (*{suffix});;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>KeyCardView</name>
    <message>
        <source>Key fingerprint (read aloud group by group):</source>
        <translation>鍵のフィンガープリント（グループごとに読み上げてください）:</translation>
    </message>
    <message>
        <source>New key fingerprint (read aloud group by group):</source>
        <translation>新しい鍵のフィンガープリント（グループごとに読み上げてください）:</translation>
    </message>
    <message>
        <source>This workspace has no signing key.</source>
        <translation>このワークスペースには署名鍵がありません。</translation>
    </message>
    <message>
        <source>Your key fingerprint (partners compare it by phone):</source>
        <translation>自団体の鍵のフィンガープリント（連携先と電話で照合します）:</translation>
    </message>
</context>
<context>
    <name>PartnerTable</name>
    <message>
        <source>Agreement</source>
        <translation>協定</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>団体コード</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>鍵のフィンガープリント</translation>
    </message>
    <message>
        <source>Last heard from</source>
        <translation>最終受信</translation>
    </message>
    <message>
        <source>Last sequence</source>
        <translation>最新番号</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>自治体</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受け付ける</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>停止中</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>未受信</translation>
    </message>
    <message>
        <source>Stale (over {hours} h)</source>
        <translation>要確認（{hours}時間以上前）</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Newest snapshot made {time}</source>
        <translation>最新スナップショットの作成: {time}</translation>
    </message>
    <message>
        <source>Disabled: this partner's snapshots are refused; the data already received stays.</source>
        <translation>停止中: この連携先のスナップショットは受け付けません（受信済みのデータは残ります）。</translation>
    </message>
</context>
<context>
    <name>PartnersTab</name>
    <message>
        <source>Add partner…</source>
        <translation>連携先を追加…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>受信を停止</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>受信を再開</translation>
    </message>
    <message>
        <source>Export my key card…</source>
        <translation>自団体の鍵カードを書き出し…</translation>
    </message>
    <message>
        <source>Key card saved to {path}. Give it to your partners; they compare the fingerprint with you by phone.</source>
        <translation>鍵カードを {path} に保存しました。連携先に渡し、電話でフィンガープリントを照合してください。</translation>
    </message>
    <message>
        <source>Key cards (*{suffix})</source>
        <translation>鍵カード (*{suffix})</translation>
    </message>
    <message>
        <source>Last snapshot from {name}: number {sequence}, made {age}. What it changed:</source>
        <translation>{name}の最新スナップショット: 第{sequence}号（{age}に作成）。変更内容:</translation>
    </message>
    <message>
        <source>No snapshot from {name} has been applied yet.</source>
        <translation>{name}のスナップショットはまだ取込まれていません。</translation>
    </message>
    <message>
        <source>Partner added: {code} {name}.</source>
        <translation>連携先を追加しました: {code} {name}</translation>
    </message>
    <message>
        <source>Replace key…</source>
        <translation>鍵を差し替え…</translation>
    </message>
    <message>
        <source>Save your key card</source>
        <translation>鍵カードの保存</translation>
    </message>
    <message>
        <source>Select a partner to see what its last snapshot changed.</source>
        <translation>連携先を選ぶと、最新スナップショットでの変更内容が表示されます。</translation>
    </message>
    <message>
        <source>The key card was not saved: {reason}</source>
        <translation>鍵カードを保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>The key of {name} was replaced; snapshots signed with the old key are refused from now on.</source>
        <translation>{name}の鍵を差し替えました。今後、古い鍵で署名されたスナップショットは受け付けません。</translation>
    </message>
    <message>
        <source>Your key card</source>
        <translation>自団体の鍵カード</translation>
    </message>
    <message>
        <source>Partners: {count}</source>
        <translation>連携先: {count} 団体</translation>
    </message>
    <message>
        <source>{name}'s snapshots are accepted again.</source>
        <translation>{name}のスナップショットの受信を再開しました。</translation>
    </message>
    <message>
        <source>{name}'s snapshots are refused from now on; the data already received stays.</source>
        <translation>{name}のスナップショットの受信を停止しました（受信済みのデータは残ります）。</translation>
    </message>
</context>
<context>
    <name>ReplaceKeyDialog</name>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose the partner's new key card</source>
        <translation>連携先の新しい鍵カードを選択</translation>
    </message>
    <message>
        <source>Current key: {fingerprint}</source>
        <translation>現在の鍵: {fingerprint}</translation>
    </message>
    <message>
        <source>I compared the new fingerprint by phone and want to retire the old key</source>
        <translation>新しいフィンガープリントを電話で照合しました。古い鍵を無効にします</translation>
    </message>
    <message>
        <source>Key cards (*{suffix});;All files (*)</source>
        <translation>鍵カード (*{suffix});;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>New key card:</source>
        <translation>新しい鍵カード:</translation>
    </message>
    <message>
        <source>Only when the partner lost its laptop or its key: their old key is retired and snapshots signed with it are refused from now on. Choose their new key card and compare its fingerprint by phone.</source>
        <translation>連携先がパソコンや鍵を失った場合にのみ行ってください。古い鍵は無効になり、それで署名されたスナップショットは今後受け付けません。新しい鍵カードを選び、フィンガープリントを電話で照合してください。</translation>
    </message>
    <message>
        <source>Replace key</source>
        <translation>鍵を差し替え</translation>
    </message>
    <message>
        <source>Replace the key of {name}</source>
        <translation>{name}の鍵の差し替え</translation>
    </message>
    <message>
        <source>The key cannot be replaced: {reason}</source>
        <translation>鍵を差し替えできません: {reason}</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Add a row of HXL hashtags under the headers</source>
        <translation>見出しの下に HXL ハッシュタグの行を追加</translation>
    </message>
    <message>
        <source>CSV files in one zip (*.zip)</source>
        <translation>CSV ファイルを zip にまとめる (*.zip)</translation>
    </message>
    <message>
        <source>CSV files, one per table (*.csv)</source>
        <translation>CSV ファイル（表ごと） (*.csv)</translation>
    </message>
    <message>
        <source>CSV:</source>
        <translation>CSV:</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>中止しました。何も保存されていません。</translation>
    </message>
    <message>
        <source>Coordination report</source>
        <translation>連携調整報告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>Gathering the report's figures…</source>
        <translation>報告書の数値を集計しています…</translation>
    </message>
    <message>
        <source>Municipalities of the same prefecture</source>
        <translation>同一都道府県内の団体</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>実行できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Own municipality and all partners</source>
        <translation>自団体と全連携先</translation>
    </message>
    <message>
        <source>Own municipality only</source>
        <translation>自団体のみ</translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation>PDF 報告書 (*.pdf)</translation>
    </message>
    <message>
        <source>Press Preview to see the report's tables before saving.</source>
        <translation>「プレビュー」を押すと、保存前に報告書の表を確認できます。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Report language:</source>
        <translation>報告書の言語:</translation>
    </message>
    <message>
        <source>Report of {name}: {places} municipalities, {stock} stock lines, {short} shortfalls (figures as of {time}).</source>
        <translation>{name}の報告書: {places} 団体、在庫 {stock} 行、不足 {short} 件（{time} 時点）</translation>
    </message>
    <message>
        <source>Report saved as {count} files in {folder}</source>
        <translation>報告書を {count} 個のファイルとして {folder} に保存しました</translation>
    </message>
    <message>
        <source>Report saved: {path}</source>
        <translation>報告書を保存しました: {path}</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>報告書の保存</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>表:</translation>
    </message>
    <message>
        <source>The preview shows the tables of the workbook and CSV files; the PDF holds the same figures.</source>
        <translation>プレビューには Excel・CSV に出力される表を表示します。PDF にも同じ数値が載ります。</translation>
    </message>
    <message>
        <source>The report was not written: {reason}</source>
        <translation>報告書を保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Whose data:</source>
        <translation>対象範囲:</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>報告書を作成しています…</translation>
    </message>
    <message>
        <source>{summary} The PDF also holds: {charts}.</source>
        <translation>{summary}PDF には次の図も入ります：{charts}。</translation>
    </message>
</context>
<context>
    <name>ResourceChanges</name>
    <message>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>品目</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Backup file:</source>
        <translation>バックアップファイル:</translation>
    </message>
    <message>
        <source>Drill (訓練)</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>本番</translation>
    </message>
    <message>
        <source>Municipality:</source>
        <translation>自治体:</translation>
    </message>
    <message>
        <source>Own inventory lines:</source>
        <translation>自団体の在庫行数:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <source>Restoring replaces everything in this workspace with the backup. The current database is copied to backups/ first.</source>
        <translation>復元すると、このワークスペースの内容はすべてバックアップの内容に置き換わります。現在のデータベースは先に backups/ へコピーされます。</translation>
    </message>
    <message>
        <source>Taken at:</source>
        <translation>作成日時:</translation>
    </message>
    <message>
        <source>The backup was not restored: {reason}</source>
        <translation>復元できませんでした: {reason}</translation>
    </message>
    <message>
        <source>This backup cannot be restored: {reason}</source>
        <translation>このバックアップは復元できません: {reason}</translation>
    </message>
    <message>
        <source>Workspace kind:</source>
        <translation>ワークスペースの種類:</translation>
    </message>
</context>
<context>
    <name>SnapshotImports</name>
    <message>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>取込日時</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>自治体</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>結果</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Applied</source>
        <translation>適用済み</translation>
    </message>
    <message>
        <source>Fork</source>
        <translation>分岐（要確認）</translation>
    </message>
    <message>
        <source>Last heard from: {age}</source>
        <translation>最終受信: {age}</translation>
    </message>
    <message>
        <source>Mutual-aid agreement</source>
        <translation>相互応援協定</translation>
    </message>
    <message>
        <source>Prefecture coordination</source>
        <translation>都道府県調整</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>最新（変更なし）</translation>
    </message>
    <message>
        <source>Wide-area group</source>
        <translation>広域連携</translation>
    </message>
    <message>
        <source>never</source>
        <translation>未受信</translation>
    </message>
    <message>
        <source>{n} d ago</source>
        <translation>{n}日前</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>{n}時間前</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>{n}分前</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <source>A snapshot holds your own records, signed. A bundle adds every enabled partner's latest snapshot, for relaying to municipalities that cannot reach each other.</source>
        <translation>スナップショットには自団体のデータが署名付きで入ります。バンドルには、受信中の全連携先の最新スナップショットも加わります（直接やり取りできない団体への中継用）。</translation>
    </message>
    <message>
        <source>Bundle of {count} snapshots written: {path}</source>
        <translation>{count} 件のスナップショットをまとめたバンドルを書き出しました: {path}</translation>
    </message>
    <message>
        <source>Cancelled. Snapshots applied before Cancel are kept whole; see the history below.</source>
        <translation>中止しました。中止前に取込んだスナップショットはそのまま残っています（下の履歴を参照）。</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>フォルダを選択…</translation>
    </message>
    <message>
        <source>Choose snapshot files</source>
        <translation>スナップショットファイルを選択</translation>
    </message>
    <message>
        <source>Each file is checked (signature, partner, sequence) before anything is applied; refused files change nothing.</source>
        <translation>各ファイルは反映する前に署名・連携先・番号を確認します。拒否されたファイルは何も変更しません。</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>バンドルを書き出し</translation>
    </message>
    <message>
        <source>Export snapshot</source>
        <translation>スナップショットを書き出し</translation>
    </message>
    <message>
        <source>Export to which folder?</source>
        <translation>書き出し先のフォルダ</translation>
    </message>
    <message>
        <source>Export to: {folder}</source>
        <translation>書き出し先: {folder}</translation>
    </message>
    <message>
        <source>Import every snapshot in which folder?</source>
        <translation>取込むスナップショットのあるフォルダ</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>ファイルを取込…</translation>
    </message>
    <message>
        <source>Import finished: {applied} applied, {same} up to date, {refused} refused, {forks} forks.</source>
        <translation>取込完了: 適用 {applied} 件、変更なし {same} 件、拒否 {refused} 件、分岐 {forks} 件</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>フォルダを取込…</translation>
    </message>
    <message>
        <source>Import history (newest first)</source>
        <translation>取込履歴（新しい順）</translation>
    </message>
    <message>
        <source>Import inbox</source>
        <translation>受信箱を取込</translation>
    </message>
    <message>
        <source>Importing snapshots…</source>
        <translation>スナップショットを取込んでいます…</translation>
    </message>
    <message>
        <source>Last import, file by file</source>
        <translation>直前の取込結果（ファイルごと）</translation>
    </message>
    <message>
        <source>No snapshot files (*{snapshot}, *{bundle}) were found there.</source>
        <translation>スナップショットファイル（*{snapshot}、*{bundle}）が見つかりませんでした。</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>実行できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Receive from partners</source>
        <translation>連携先から受け取る</translation>
    </message>
    <message>
        <source>Send to partners</source>
        <translation>連携先へ送る</translation>
    </message>
    <message>
        <source>Snapshot number {sequence} written ({records} records): {path}</source>
        <translation>スナップショット第{sequence}号（{records} 件）を書き出しました: {path}</translation>
    </message>
    <message>
        <source>Snapshots and bundles (*{snapshot} *{bundle});;All files (*)</source>
        <translation>スナップショット・バンドル (*{snapshot} *{bundle});;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Use outbox</source>
        <translation>送信箱に戻す</translation>
    </message>
    <message>
        <source>Wait until the running task has finished (or cancel it).</source>
        <translation>実行中の処理が終わるまでお待ちください（または中止してください）。</translation>
    </message>
    <message>
        <source>Writing a bundle…</source>
        <translation>バンドルを書き出しています…</translation>
    </message>
    <message>
        <source>Writing a snapshot…</source>
        <translation>スナップショットを書き出しています…</translation>
    </message>
    <message>
        <source>{path} (this workspace's outbox)</source>
        <translation>{path}（このワークスペースの送信箱）</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
</context>
<context>
    <name>AnalysisColumns</name>
    <message>
        <source>Municipality</source>
        <translation>自治体</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>資源</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>必要数</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>利用可能数</translation>
    </message>
    <message>
        <source>Shortfall</source>
        <translation>不足数</translation>
    </message>
    <message>
        <source>Short %</source>
        <translation>不足率</translation>
    </message>
    <message>
        <source>Can offer</source>
        <translation>提供可能数</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>From</source>
        <translation>送り元</translation>
    </message>
    <message>
        <source>To</source>
        <translation>送り先</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>km</source>
        <translation>距離（㎞）</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重み</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <source>Save as PNG image…</source>
        <translation>画像として保存…</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>全体を表示</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>グラフを保存</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
</context>
<context>
    <name>MapChart</name>
    <message>
        <source>Short: {quantity:,} {unit} (need {need:,})</source>
        <translation>不足: {quantity:,} {unit}（必要数 {need:,}）</translation>
    </message>
    <message>
        <source>Can offer: {quantity:,} {unit}</source>
        <translation>提供可能: {quantity:,} {unit}</translation>
    </message>
    <message>
        <source>Available: {quantity:,} {unit}</source>
        <translation>利用可能: {quantity:,} {unit}</translation>
    </message>
    <message>
        <source>(this municipality)</source>
        <translation>（自団体）</translation>
    </message>
    <message>
        <source>{km:,.1f} km from here</source>
        <translation>自団体から {km:,.1f} ㎞</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>{sender} → {receiver}: {what} {unit}, {km:,.1f} km ({kind})</source>
        <translation>{sender} → {receiver}: {what} {unit}、{km:,.1f} ㎞（{kind}）</translation>
    </message>
    <message>
        <source>{name} (this municipality)</source>
        <translation>{name}（自団体）</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>ほか {count} 件</translation>
    </message>
    <message>
        <source>Short of {count} resource types</source>
        <translation>{count} 品目が不足</translation>
    </message>
    <message>
        <source>Can offer {count} resource types</source>
        <translation>{count} 品目を提供可能</translation>
    </message>
    <message>
        <source>This municipality</source>
        <translation>自団体</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>不足</translation>
    </message>
    <message>
        <source>Can offer</source>
        <translation>提供可能</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>過不足なし</translation>
    </message>
    <message>
        <source>Proposed transfer</source>
        <translation>輸送案（提案）</translation>
    </message>
    <message>
        <source>Committed transfer</source>
        <translation>輸送（確定）</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Show all places</source>
        <translation>全体を表示</translation>
    </message>
    <message>
        <source>All resources</source>
        <translation>すべての品目</translation>
    </message>
    <message>
        <source>all resources</source>
        <translation>すべての品目</translation>
    </message>
    <message>
        <source>Wheel: zoom, drag: move, click a place: select its rows, hover: details.</source>
        <translation>ホイールで拡大・縮小、ドラッグで移動、地点のクリックで表の行を選択、マウスを重ねると詳細。</translation>
    </message>
    <message>
        <source>Map of {resource}. {hint}</source>
        <translation>{resource} の地図。{hint}</translation>
    </message>
</context>
<context>
    <name>MatchingStatus</name>
    <message>
        <source>Provisional (greedy) — the optimal plan is being computed</source>
        <translation>暫定（貪欲法）— 最適解を計算中</translation>
    </message>
    <message>
        <source>Provisional (greedy) — the optimal plan was not computed</source>
        <translation>暫定（貪欲法）— 最適解は計算されていません</translation>
    </message>
    <message>
        <source>Computing the optimal transfers…</source>
        <translation>最適な輸送案を計算中…</translation>
    </message>
    <message>
        <source>No transfers proposed.</source>
        <translation>提案できる輸送はありません。</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>失敗: {reason}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Compute again</source>
        <translation>再計算</translation>
    </message>
    <message>
        <source>Optimal plan: {count} transfers of {resources} resources; {unmet} shortfalls cannot be filled.</source>
        <translation>最適解: {resources} 品目で {count} 件の移送。充足できない不足 {unmet} 件。</translation>
    </message>
    <message>
        <source>Total cost {cost:,.0f} (quantity × km × weight): the plan moves the most, then the least cost.</source>
        <translation>総コスト {cost:,.0f}（数量 × ㎞ × 重み）。できるだけ多く移送し、その中で総コストが最小になる案です。</translation>
    </message>
    <message>
        <source>{resource}: no transfer proposed.</source>
        <translation>{resource}: 輸送案はありません。</translation>
    </message>
    <message>
        <source>{resource}: {quantity} in one transfer</source>
        <translation>{resource}: 1件の移送で {quantity}</translation>
    </message>
    <message>
        <source>{resource}: {quantity} in {count} transfers</source>
        <translation>{resource}: {count}件の移送で {quantity}</translation>
    </message>
    <message>
        <source>{plan} {current}</source>
        <translation>{plan}{current}</translation>
    </message>
</context>
<context>
    <name>ShortfallBarChart</name>
    <message>
        <source>{resource}
Own: short {own:,} of {own_need:,} {unit} ({own_pct:.0f}%)
Partners: short {partners:,} of {partner_need:,} {unit} ({partner_pct:.0f}%)</source>
        <translation>{resource}
自団体: 必要数 {own_need:,} {unit} のうち {own:,} 不足（{own_pct:.0f}%）
連携先: 必要数 {partner_need:,} {unit} のうち {partners:,} 不足（{partner_pct:.0f}%）</translation>
    </message>
    <message>
        <source>Own ({name})</source>
        <translation>自団体（{name}）</translation>
    </message>
    <message>
        <source>Own municipality</source>
        <translation>自団体</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>連携先</translation>
    </message>
    <message>
        <source>Shortfall as % of need (value after each bar: shortfall in its unit)</source>
        <translation>必要数に対する不足の割合（棒の右の数値は各単位での不足数）</translation>
    </message>
</context>
<context>
    <name>ShortfallTab</name>
    <message>
        <source>Shortfalls and transfers</source>
        <translation>不足と調整</translation>
    </message>
    <message>
        <source>Resource:</source>
        <translation>資源:</translation>
    </message>
    <message>
        <source>Only this resource in the tables</source>
        <translation>表はこの資源のみ表示</translation>
    </message>
    <message>
        <source>Shortfall by resource</source>
        <translation>資源別の不足</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地図</translation>
    </message>
    <message>
        <source>Stock over time</source>
        <translation>在庫の推移</translation>
    </message>
    <message>
        <source>Shortfalls and what can be offered</source>
        <translation>不足と提供可能数</translation>
    </message>
    <message>
        <source>Proposed transfers</source>
        <translation>輸送案</translation>
    </message>
    <message>
        <source>Ask the sender for this transfer: the request form opens filled in, to check before it is made (only for transfers to us, once the optimal plan is in)</source>
        <translation>この輸送を送り元に要請します。記入済みの要請画面が開き、確認してから作成します（自団体あての輸送のみ。最適解の計算後に使えます）</translation>
    </message>
    <message>
        <source>Request this transfer…</source>
        <translation>この輸送を要請…</translation>
    </message>
</context>
<context>
    <name>StockChart</name>
    <message>
        <source>Others ({count}, summed)</source>
        <translation>その他 {count} 団体（合計）</translation>
    </message>
    <message>
        <source>Stock [{unit}]</source>
        <translation>在庫 [{unit}]</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>在庫</translation>
    </message>
    <message>
        <source>Date of the reading (snapshot or edit)</source>
        <translation>記録日時（スナップショットまたは編集）</translation>
    </message>
    <message>
        <source>No stock history of this resource yet.</source>
        <translation>この資源の在庫の履歴はまだありません。</translation>
    </message>
</context>
<context>
    <name>TransferTableModel</name>
    <message>
        <source>Mutual-aid partner: distance counted × {w:.2f}</source>
        <translation>相互応援協定先: 距離を {w:.2f} 倍で評価</translation>
    </message>
</context>
<context>
    <name>RequestActions</name>
    <message>
        <source>Refused ({field}): {reason}</source>
        <translation>実行できませんでした（{field}）: {reason}</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>実行できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Request made; it goes to the partner with the next snapshot.</source>
        <translation>要請を作成しました。次回のスナップショットで相手に届きます。</translation>
    </message>
    <message>
        <source>Receipt of {quantity:,} recorded.</source>
        <translation>{quantity:,} の受領を記録しました。</translation>
    </message>
    <message>
        <source>Return of {quantity:,} recorded.</source>
        <translation>{quantity:,} の返却を記録しました。</translation>
    </message>
    <message>
        <source>Request cancelled.</source>
        <translation>要請を取り消しました。</translation>
    </message>
    <message>
        <source>Declined.</source>
        <translation>お断りしました。</translation>
    </message>
    <message>
        <source>Accepted {quantity:,}.</source>
        <translation>{quantity:,} を承諾しました。</translation>
    </message>
    <message>
        <source>Dispatch of {quantity:,} recorded.</source>
        <translation>{quantity:,} の発送を記録しました。</translation>
    </message>
</context>
<context>
    <name>RequestColumns</name>
    <message>
        <source>Direction</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>相手</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>資源</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>要請数</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>承諾数</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>発送数</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受領数</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>返却数</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>必要期日</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最終更新</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>New request to a partner</source>
        <translation>連携先への新しい要請</translation>
    </message>
    <message>
        <source>Partner:</source>
        <translation>要請先:</translation>
    </message>
    <message>
        <source>Resource:</source>
        <translation>資源:</translation>
    </message>
    <message>
        <source>Headcount:</source>
        <translation>人数:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>備考:</translation>
    </message>
    <message>
        <source>Work type:</source>
        <translation>業務内容:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>場所:</translation>
    </message>
    <message>
        <source>Period of work:</source>
        <translation>派遣期間:</translation>
    </message>
    <message>
        <source>Needed by:</source>
        <translation>必要期日:</translation>
    </message>
    <message>
        <source>Return by:</source>
        <translation>返却期日:</translation>
    </message>
    <message>
        <source>e.g. shelter management, damage assessment</source>
        <translation>例: 避難所運営、住家被害認定調査</translation>
    </message>
    <message>
        <source>where to deliver or report</source>
        <translation>届け先・集合場所</translation>
    </message>
</context>
<context>
    <name>RequestFields</name>
    <message>
        <source>partner</source>
        <translation>要請先</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>accepted quantity</source>
        <translation>承諾数</translation>
    </message>
    <message>
        <source>first day of work</source>
        <translation>派遣開始日</translation>
    </message>
    <message>
        <source>last day of work</source>
        <translation>派遣終了日</translation>
    </message>
    <message>
        <source>return date</source>
        <translation>返却期日</translation>
    </message>
    <message>
        <source>needed by</source>
        <translation>必要期日</translation>
    </message>
    <message>
        <source>work type</source>
        <translation>業務内容</translation>
    </message>
    <message>
        <source>place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>who takes the step</source>
        <translation>手続きの担当</translation>
    </message>
</context>
<context>
    <name>RequestStatus</name>
    <message>
        <source>Awaiting answer</source>
        <translation>回答待ち</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>承諾</translation>
    </message>
    <message>
        <source>Partly accepted</source>
        <translation>一部承諾</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>お断り</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>発送済み</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受領済み</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>返却済み</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>取消し</translation>
    </message>
</context>
<context>
    <name>RequestStepDialog</name>
    <message>
        <source>Record a dispatch</source>
        <translation>発送を記録</translation>
    </message>
    <message>
        <source>Record a receipt</source>
        <translation>受領を記録</translation>
    </message>
    <message>
        <source>Record a return</source>
        <translation>返却を記録</translation>
    </message>
    <message>
        <source>Dispatched on:</source>
        <translation>発送日:</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>受領日:</translation>
    </message>
    <message>
        <source>Returned on:</source>
        <translation>返却日:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量:</translation>
    </message>
    <message>
        <source>Expected arrival:</source>
        <translation>到着予定日:</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <source>We asked</source>
        <translation>自団体から要請</translation>
    </message>
    <message>
        <source>Asked of us</source>
        <translation>自団体への要請</translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message>
        <source>{count} requests</source>
        <translation>要請 {count} 件</translation>
    </message>
    <message>
        <source>Choose a partner and a resource.</source>
        <translation>要請先と資源を選んでください。</translation>
    </message>
    <message>
        <source>{resource} — {partner}: requested {quantity:,}, accepted {accepted}, dispatched {dispatched:,}, received {received:,}, returned {returned:,}</source>
        <translation>{resource} — {partner}: 要請 {quantity:,}、承諾 {accepted}、発送 {dispatched:,}、受領 {received:,}、返却 {returned:,}</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>要請を取消し</translation>
    </message>
    <message>
        <source>Withdraw this request? The partner sees it cancelled after our next snapshot.</source>
        <translation>この要請を取り消しますか？相手には次回のスナップショットで取消しが伝わります。</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>要請</translation>
    </message>
    <message>
        <source>Requests we made and requests made to us. Each step is sent to the partner with the next snapshot; the status combines both sides' steps.</source>
        <translation>自団体からの要請と自団体への要請です。各手続きは次回のスナップショットで相手に届き、状況は双方の記録から表示されます。</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>新しい要請…</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>回答…</translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation>発送…</translation>
    </message>
    <message>
        <source>Receive…</source>
        <translation>受領…</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>返却…</translation>
    </message>
    <message>
        <source>From the proposed transfers ({km:,.1f} km)</source>
        <translation>輸送案から作成（{km:,.1f} ㎞）</translation>
    </message>
    <message>
        <source>Proposed transfer: {quantity:,} {unit} of {resource} from {partner} ({km:,.1f} km). Check the request and change what is needed: it is made only when you press OK, and goes out with the next snapshot.</source>
        <translation>輸送案: {partner}から{resource} {quantity:,} {unit}（{km:,.1f} ㎞）。内容を確認し、必要なら修正してください。「OK」を押したときだけ要請が作成され、次回のスナップショットで相手に届きます。</translation>
    </message>
    <message>
        <source>Request made: {quantity:,} {unit} of {resource} from {partner}. It goes out with the next snapshot.</source>
        <translation>{partner} への要請を作成しました: {resource} {quantity:,} {unit}。次回のスナップショットで相手に届きます。</translation>
    </message>
</context>
<context>
    <name>RespondDialog</name>
    <message>
        <source>Answer the request</source>
        <translation>要請への回答</translation>
    </message>
    <message>
        <source>{requester} asks for {quantity:,} {unit} of {resource}.</source>
        <translation>{requester} から {resource} {quantity:,} {unit} の要請があります。</translation>
    </message>
    <message>
        <source>Accept all ({quantity:,} {unit})</source>
        <translation>すべて承諾（{quantity:,} {unit}）</translation>
    </message>
    <message>
        <source>Accept part:</source>
        <translation>一部を承諾:</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>お断りする</translation>
    </message>
    <message>
        <source>Note for the requester:</source>
        <translation>要請元への連絡事項:</translation>
    </message>
</context>
<context>
    <name>DrillLabels</name>
    <message>
        <source>{n} d</source>
        <translation>{n}日</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n}時間</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n}分</translation>
    </message>
    <message>
        <source>Earthquake</source>
        <translation>地震</translation>
    </message>
    <message>
        <source>Flood</source>
        <translation>水害</translation>
    </message>
    <message>
        <source>Tsunami</source>
        <translation>津波</translation>
    </message>
    <message>
        <source>Typhoon</source>
        <translation>台風</translation>
    </message>
    <message>
        <source>Landslide</source>
        <translation>土砂災害</translation>
    </message>
    <message>
        <source>Volcanic eruption</source>
        <translation>火山噴火</translation>
    </message>
    <message>
        <source>Heavy snow</source>
        <translation>大雪</translation>
    </message>
    <message>
        <source>{place}: {resource} {quantity:,} {unit} ({priority})</source>
        <translation>{place}: {resource} {quantity:,} {unit}（{priority}）</translation>
    </message>
</context>
<context>
    <name>DrillController</name>
    <message>
        <source>{path} already holds a workspace; a drill needs an empty folder of its own.</source>
        <translation>{path} には既にワークスペースがあります。訓練には専用の空のフォルダが必要です。</translation>
    </message>
    <message>
        <source>{path} is not empty; choose an empty folder (or a new one) for the drill.</source>
        <translation>{path} は空ではありません。訓練用に空のフォルダ（または新しいフォルダ）を選んでください。</translation>
    </message>
</context>
<context>
    <name>NewDrillButton</name>
    <message>
        <source>Start a drill from a scenario…</source>
        <translation>シナリオから訓練を開始…</translation>
    </message>
</context>
<context>
    <name>NewDrillDialog</name>
    <message>
        <source>New drill from a scenario</source>
        <translation>訓練の新規作成</translation>
    </message>
    <message>
        <source>A drill runs on this computer: a drill workspace for the host municipality, with every partner of the scenario simulated beside it. The clock starts at T+0; timed injects add needs as it advances.</source>
        <translation>訓練はこのパソコン上で行います。主催自治体の訓練用ワークスペースを作り、シナリオの連携先はすべてその横に模擬として用意します。訓練時計は T+0 から始まり、時計を進めると予定の状況付与がニーズを追加します。</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>災害種別</translation>
    </message>
    <message>
        <source>Host municipality</source>
        <translation>主催自治体</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>連携先</translation>
    </message>
    <message>
        <source>Injects</source>
        <translation>状況付与</translation>
    </message>
    <message>
        <source>Scenario file…</source>
        <translation>シナリオファイル…</translation>
    </message>
    <message>
        <source>Drill folder:</source>
        <translation>訓練フォルダ:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Create drill</source>
        <translation>訓練を作成</translation>
    </message>
    <message>
        <source>Choose a scenario file</source>
        <translation>シナリオファイルの選択</translation>
    </message>
    <message>
        <source>Drill scenarios (*.toml);;All files (*)</source>
        <translation>訓練シナリオ (*.toml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Folder for the drill workspace</source>
        <translation>訓練用ワークスペースのフォルダ</translation>
    </message>
    <message>
        <source>Choose a folder for the drill workspace.</source>
        <translation>訓練用ワークスペースのフォルダを選んでください。</translation>
    </message>
    <message>
        <source>This scenario file cannot be used: {reason}</source>
        <translation>このシナリオファイルは使用できません: {reason}</translation>
    </message>
    <message>
        <source>Building the drill and its simulated partners…</source>
        <translation>訓練と模擬連携先を作成しています…</translation>
    </message>
    <message>
        <source>The drill was not created: {reason}</source>
        <translation>訓練は作成されませんでした: {reason}</translation>
    </message>
</context>
<context>
    <name>DrillPanel</name>
    <message>
        <source>Drill clock</source>
        <translation>訓練時計</translation>
    </message>
    <message>
        <source>Next inject</source>
        <translation>次の状況付与</translation>
    </message>
    <message>
        <source>Advance to the next inject</source>
        <translation>次の状況付与まで進める</translation>
    </message>
    <message>
        <source>Advance by</source>
        <translation>指定時間進める</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>経過</translation>
    </message>
    <message>
        <source>Reset to T+0…</source>
        <translation>T+0 に戻す…</translation>
    </message>
    <message>
        <source>Export debriefing…</source>
        <translation>振り返り資料を書き出す…</translation>
    </message>
    <message>
        <source>{hazard} · host {host} · {partners} simulated partners</source>
        <translation>{hazard}・主催 {host}・模擬連携先 {partners} 団体</translation>
    </message>
    <message>
        <source>No injects left. The clock can still be advanced by minutes.</source>
        <translation>残りの状況付与はありません。時間を指定して時計を進めることはできます。</translation>
    </message>
    <message>
        <source>  • {need}</source>
        <translation>  ・{need}</translation>
    </message>
    <message>
        <source>Drill started: {name}</source>
        <translation>訓練開始: {name}</translation>
    </message>
    <message>
        <source>Clock advanced to {clock}</source>
        <translation>時計を {clock} まで進めました</translation>
    </message>
    <message>
        <source>Reset: every database back to T+0</source>
        <translation>リセット: すべてのデータベースを T+0 に戻しました</translation>
    </message>
    <message>
        <source>The drill's state cannot be read: {reason}</source>
        <translation>訓練の状態を読み込めません: {reason}</translation>
    </message>
    <message>
        <source>Advancing the clock…</source>
        <translation>時計を進めています…</translation>
    </message>
    <message>
        <source>Reset the drill</source>
        <translation>訓練のリセット</translation>
    </message>
    <message>
        <source>Reset the drill to T+0? This workspace and the {partners} simulated partners go back to their databases at the start; everything done since then is replaced (a safety copy of each is kept). The timeline keeps what happened.</source>
        <translation>訓練を T+0 に戻しますか？ このワークスペースと模擬連携先 {partners} 団体のデータベースが開始時点に戻り、それ以降の入力・変更はすべて置き換えられます（それぞれ安全のための複製を残します）。経過の記録は残ります。</translation>
    </message>
    <message>
        <source>Reset to T+0</source>
        <translation>T+0 に戻す</translation>
    </message>
    <message>
        <source>Resetting every database of the drill…</source>
        <translation>訓練のすべてのデータベースを戻しています…</translation>
    </message>
    <message>
        <source>Save the drill log for the debriefing</source>
        <translation>振り返り用の訓練記録の保存</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>ZIP ファイル (*.zip)</translation>
    </message>
    <message>
        <source>Writing the drill log…</source>
        <translation>訓練記録を書き出しています…</translation>
    </message>
    <message>
        <source>Wait until the running drill step has finished.</source>
        <translation>実行中の訓練操作が終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Clock {start} → {end}. Injects applied: {injects}; new needs: {needs}.</source>
        <translation>時計 {start} → {end}。状況付与 {injects} 件、新しいニーズ {needs} 件。</translation>
    </message>
    <message>
        <source>Clock {start} → {end}: no injects were due.</source>
        <translation>時計 {start} → {end}: 該当する状況付与はありませんでした。</translation>
    </message>
    <message>
        <source>The drill is back at T+0.</source>
        <translation>訓練を T+0 に戻しました。</translation>
    </message>
    <message>
        <source>Drill log written with the PDF report: {path}</source>
        <translation>訓練記録を書き出しました（PDF 報告書を含む）: {path}</translation>
    </message>
    <message>
        <source>Drill log written without the PDF report ({reason}): {path}</source>
        <translation>訓練記録を書き出しました（PDF 報告書なし: {reason}）: {path}</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>実行できませんでした: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportFixPanel</name>
    <message>
        <source>(no name)</source>
        <translation>（品名なし）</translation>
    </message>
    <message>
        <source>1 {unit} = {n} {base}</source>
        <translation>1{unit} = {n}{base}</translation>
    </message>
    <message>
        <source>A date such as 2030-03-31, 令和12年3月31日 or R12.3.31; a month alone (令和12年3月) is read as its last day.</source>
        <translation>2030-03-31、令和12年3月31日、R12.3.31 などの日付。月だけ（令和12年3月）の場合は月末として読みます。</translation>
    </message>
    <message>
        <source>Choose the resource type</source>
        <translation>品目を選ぶ</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>Correct the cell</source>
        <translation>セルを修正</translation>
    </message>
    <message>
        <source>Create and use</source>
        <translation>作成して使う</translation>
    </message>
    <message>
        <source>Do not import this row</source>
        <translation>この行は取込まない</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>種別:</translation>
    </message>
    <message>
        <source>Line {line}: {name}</source>
        <translation>{line}行目: {name}</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>保管場所</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>品名:</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>必要期日</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Or create a local type</source>
        <translation>または自治体独自の品目を作る</translation>
    </message>
    <message>
        <source>Pack size</source>
        <translation>入数</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>自己使用分</translation>
    </message>
    <message>
        <source>Search the catalog (name, reading or code)</source>
        <translation>品目を検索（名前・よみ・コード）</translation>
    </message>
    <message>
        <source>Select a problem row in the table to fix it here.</source>
        <translation>表の問題のある行を選ぶと、ここで直せます。</translation>
    </message>
    <message>
        <source>Set the pack size</source>
        <translation>入数を設定</translation>
    </message>
    <message>
        <source>Sheet {sheet}, line {line}: {name}</source>
        <translation>シート「{sheet}」{line}行目: {name}</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>単位:</translation>
    </message>
    <message>
        <source>Use this type</source>
        <translation>この品目にする</translation>
    </message>
    <message>
        <source>{base} in one {unit}:</source>
        <translation>1{unit}あたりの{base}数:</translation>
    </message>
    <message>
        <source>{name} ({code}), unit {unit}</source>
        <translation>{name}（{code}）単位: {unit}</translation>
    </message>
</context>
<context>
    <name>LearnedNamesDialog</name>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Learned names</source>
        <translation>覚えた名前</translation>
    </message>
    <message>
        <source>Learned on</source>
        <translation>覚えた日</translation>
    </message>
    <message>
        <source>Name in the sheet</source>
        <translation>表の名前</translation>
    </message>
    <message>
        <source>Names this workspace has learned from earlier imports: a sheet that writes them is read as the type shown. Remove a name to be asked again next time.</source>
        <translation>これまでの取込で覚えた名前です。表にこの名前があると、右の品目として読みます。削除すると、次の取込で改めて確認します。</translation>
    </message>
    <message>
        <source>No names learned yet.</source>
        <translation>覚えた名前はまだありません。</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>読み替える品目</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <source>DisasterShare manual: first steps</source>
        <translation>DisasterShare 操作の手引き（はじめの一歩）</translation>
    </message>
    <message>
        <source>The manual cannot be read: {reason}</source>
        <translation>手引きを読み込めません: {reason}</translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <source>(none yet)</source>
        <translation>（まだありません）</translation>
    </message>
    <message>
        <source>No live workspace is remembered; open it with File ▸ Open workspace….</source>
        <translation>戻る先の実運用ワークスペースが記録されていません。「ファイル ▸ ワークスペースを開く…」で開いてください。</translation>
    </message>
    <message>
        <source>Open a workspace</source>
        <translation>ワークスペースを開く</translation>
    </message>
    <message>
        <source>Open a workspace folder</source>
        <translation>ワークスペースのフォルダを選択</translation>
    </message>
    <message>
        <source>The workspace at {path} cannot be opened: {reason}</source>
        <translation>{path} のワークスペースを開けません: {reason}</translation>
    </message>
    <message>
        <source>This workspace is already open: {path}</source>
        <translation>このワークスペースはすでに開いています: {path}</translation>
    </message>
    <message>
        <source>{path} is not a DisasterShare workspace: it holds no {file}. Choose the workspace folder itself (the one with {file}, keys and inbox in it).</source>
        <translation>{path} は DisasterShare のワークスペースではありません（{file} がありません）。ワークスペースのフォルダ（{file}・keys・inbox が入っているフォルダ）そのものを選んでください。</translation>
    </message>
</context>
</TS>
