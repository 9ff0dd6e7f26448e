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
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Read-only: data of {name}</source>
        <translation>閲覧のみ: {name}のデータ</translation>
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
</context>
</TS>
