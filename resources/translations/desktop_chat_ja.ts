<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>Announcer</name>
    <message>
        <source>The reply failed: {reason}</source>
        <translation>返信に失敗しました：{reason}</translation>
    </message>
    <message>
        <source>Claude replied: {text}</source>
        <translation>Claude の返信：{text}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Keyboard shortcuts: {problem}</source>
        <translation>キーボードショートカット：{problem}</translation>
    </message>
    <message>
        <source>Settings: {problem}</source>
        <translation>設定：{problem}</translation>
    </message>
    <message>
        <source>The app stopped in the middle of this reply; what arrived is kept.</source>
        <translation>このアプリは返信の途中で停止しました。受信済みの内容は保持されています。</translation>
    </message>
    <message>
        <source>Demo mode: replies come from {base_url}</source>
        <translation>デモモード：返信は {base_url} から届きます</translation>
    </message>
    <message>
        <source>No API key found. Add one with {api_key_key}, set ANTHROPIC_API_KEY, or start with --demo to try the app without one.</source>
        <translation>API キーが見つかりません。{api_key_key} で追加するか、ANTHROPIC_API_KEY を設定するか、--demo で起動するとキーなしで試せます。</translation>
    </message>
    <message>
        <source>Conversations cannot be saved: {exc} This session is kept in memory only.</source>
        <translation>会話を保存できません：{exc} このセッションはメモリ上にのみ保持されます。</translation>
    </message>
</context>
<context>
    <name>AppLog</name>
    <message>
        <source> Details are in {where}.</source>
        <translation> 詳細は {where} にあります。</translation>
    </message>
    <message>
        <source>Something went wrong ({what}). The app carries on.{logged}</source>
        <translation>問題が発生しました（{what}）。アプリは動作を続けます。{logged}</translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <source>reaches outside this machine</source>
        <translation>このマシンの外部にアクセスします</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>1 line</source>
        <translation>1 行</translation>
    </message>
    <message>
        <source>{count} lines</source>
        <translation>{count} 行</translation>
    </message>
    <message>
        <source>1 character</source>
        <translation>1 文字</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} 文字</translation>
    </message>
    <message>
        <source>{lines}, {characters}</source>
        <translation>{lines}、{characters}</translation>
    </message>
    <message>
        <source>Run “{value}” from {server}?</source>
        <translation>{server} の「{value}」を実行しますか？</translation>
    </message>
    <message>
        <source>Claude wants to run a tool.</source>
        <translation>Claude がツールを実行しようとしています。</translation>
    </message>
    <message>
        <source>What is asked</source>
        <translation>求められていること</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source> — the server calls it {tool}</source>
        <translation> — サーバー上の名前は {tool}</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>ツール</translation>
    </message>
    <message>
        <source>The server gave no description.</source>
        <translation>サーバーから説明はありません。</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Hints from the server</source>
        <translation>サーバーからのヒント</translation>
    </message>
    <message>
        <source>Destructive: the server marks this tool as one that may delete or overwrite things. It asks every time; {accept_key} denies.</source>
        <translation>破壊的：サーバーはこのツールを、削除や上書きをする可能性があるものとしています。毎回確認します。{accept_key} で拒否します。</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Ar&amp;guments, in full ({size}; scroll to read all of them):</source>
        <translation>引数の全文(&amp;G)（{size}、スクロールするとすべて読めます）：</translation>
    </message>
    <message>
        <source>Ar&amp;guments, in full ({size}):</source>
        <translation>引数の全文(&amp;G)（{size}）：</translation>
    </message>
    <message>
        <source>Size of the arguments</source>
        <translation>引数のサイズ</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>引数</translation>
    </message>
    <message>
        <source>The full arguments as JSON, {size}</source>
        <translation>引数の全文（JSON）、{size}</translation>
    </message>
    <message>
        <source>Allow &amp;once</source>
        <translation>今回だけ許可(&amp;O)</translation>
    </message>
    <message>
        <source>Allow once</source>
        <translation>今回だけ許可</translation>
    </message>
    <message>
        <source>Allow for this &amp;conversation</source>
        <translation>この会話では許可(&amp;C)</translation>
    </message>
    <message>
        <source>Allow for this conversation</source>
        <translation>この会話では許可</translation>
    </message>
    <message>
        <source>&amp;Always allow this tool</source>
        <translation>このツールを常に許可(&amp;A)</translation>
    </message>
    <message>
        <source>Always allow this tool</source>
        <translation>このツールを常に許可</translation>
    </message>
    <message>
        <source>&amp;Deny</source>
        <translation>拒否(&amp;D)</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>Reason for denying</source>
        <translation>拒否の理由</translation>
    </message>
    <message>
        <source>Optional: why not (Claude reads this)</source>
        <translation>任意：許可しない理由（Claude が読みます）</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>{close_key} denies without a reason.</source>
        <translation>{close_key} で理由なしに拒否します。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>サーバー：</translation>
    </message>
    <message>
        <source>Tool:</source>
        <translation>ツール：</translation>
    </message>
    <message>
        <source>What it does:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Hints:</source>
        <translation>ヒント：</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>unnamed</source>
        <translation>名前なし</translation>
    </message>
    <message>
        <source>{name} is {size}: a request to the API holds at most {limit}. Attach a smaller file, or split it.</source>
        <translation>{name} のサイズは {size} です。API へのリクエストには最大 {limit} までしか入りません。小さいファイルを添付するか、分割してください。</translation>
    </message>
    <message>
        <source>{name} is empty: there is nothing to attach.</source>
        <translation>{name} は空です。添付する内容がありません。</translation>
    </message>
    <message>
        <source>{name} is an encrypted (password-protected) PDF, which the API cannot read. Save a copy without the password and attach that.</source>
        <translation>{name} は暗号化された（パスワード保護された）PDF のため、API では読み取れません。パスワードなしのコピーを保存して、そちらを添付してください。</translation>
    </message>
    <message>
        <source>{name} is not a whole PDF (it is cut short or damaged). Save or download it again and attach the new copy.</source>
        <translation>{name} は完全な PDF ではありません（途中で切れているか、破損しています）。もう一度保存またはダウンロードして、新しいコピーを添付してください。</translation>
    </message>
    <message>
        <source>{name} has {pages} pages; the API reads at most {limit} pages of a PDF. Attach the pages that matter (print them to a new PDF).</source>
        <translation>{name} は {pages} ページあります。API が読み取れる PDF は最大 {limit} ページです。必要なページだけを添付してください（新しい PDF に印刷できます）。</translation>
    </message>
    <message>
        <source>{name} is not a valid image: its header is damaged. Open it in an image editor, save it again as PNG or JPEG, and attach that.</source>
        <translation>{name} は有効な画像ではありません。ヘッダーが破損しています。画像エディターで開き、PNG または JPEG として保存し直してから添付してください。</translation>
    </message>
    <message>
        <source>{name} is {width}×{height} px, far beyond what can be sent. Scale it down in an image editor first.</source>
        <translation>{name} は {width}×{height} px で、送信できる大きさをはるかに超えています。先に画像エディターで縮小してください。</translation>
    </message>
    <message>
        <source>{name} is {size} of text; a text document may be at most {limit}. Attach the part that matters.</source>
        <translation>{name} は {size} のテキストです。テキスト文書は最大 {limit} までです。必要な部分だけを添付してください。</translation>
    </message>
    <message>
        <source>{name} is neither an image (JPEG, PNG, GIF, WebP), a PDF, nor UTF-8 text, so Claude cannot read it. Convert it to one of those and attach that.</source>
        <translation>{name} は画像（JPEG、PNG、GIF、WebP）、PDF、UTF-8 テキストのいずれでもないため、Claude は読み取れません。いずれかの形式に変換してから添付してください。</translation>
    </message>
    <message>
        <source>{model} does not take images. Remove the image, or choose a model that does in Settings; your text is kept.</source>
        <translation>{model} は画像に対応していません。画像を削除するか、設定で画像に対応したモデルを選んでください。入力したテキストはそのまま残ります。</translation>
    </message>
    <message>
        <source>{model} does not read PDFs. Remove the PDF, or choose a model that does in Settings; your text is kept.</source>
        <translation>{model} は PDF を読み取れません。PDF を削除するか、設定で PDF に対応したモデルを選んでください。入力したテキストはそのまま残ります。</translation>
    </message>
    <message>
        <source>{name} is {size} once encoded; the API takes images of at most {limit}. Save it smaller (JPEG, or fewer pixels) and attach that.</source>
        <translation>{name} はエンコード後 {size} になります。API が受け付ける画像は最大 {limit} です。小さく保存し直して（JPEG にするか、ピクセル数を減らして）から添付してください。</translation>
    </message>
    <message>
        <source>{name} is {width}×{height} px; with {count} images in a request the API takes at most {side} px a side. Send fewer images at once.</source>
        <translation>{name} は {width}×{height} px です。1 回のリクエストに画像が {count} 枚あると、API が受け付けるのは一辺 {side} px までです。一度に送る画像を減らしてください。</translation>
    </message>
    <message>
        <source>The attachments come to {size} once encoded, and a request to the API holds at most {limit}. Remove some, or send them in separate messages.</source>
        <translation>添付ファイルはエンコード後に合計 {size} になりますが、API へのリクエストには最大 {limit} までしか入りません。いくつか削除するか、別々のメッセージで送ってください。</translation>
    </message>
    <message>
        <source>An attachment&apos;s base64 data is damaged.</source>
        <translation>添付ファイルの base64 データが破損しています。</translation>
    </message>
    <message>
        <source>An attachment says it is {said} but its bytes are {found}.</source>
        <translation>添付ファイルは {said} とされていますが、実際の内容は {found} です。</translation>
    </message>
    <message>
        <source>{name} could not be uploaded to the Files API ({reason}). Nothing was sent; try again, or remove it.</source>
        <translation>{name} を Files API にアップロードできませんでした（{reason}）。何も送信されていません。もう一度試すか、削除してください。</translation>
    </message>
    <message>
        <source>An attachment of this conversation is missing from the database, so it cannot be sent. Edit the question and attach the file again.</source>
        <translation>この会話の添付ファイルがデータベースに見つからないため、送信できません。質問を編集して、ファイルをもう一度添付してください。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <source>Images, PDFs, text (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt *.md *.csv *.log *.py);;All files (*)</source>
        <translation>画像、PDF、テキスト (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt *.md *.csv *.log *.py);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Still reading attachments; send again in a moment.</source>
        <translation>添付ファイルを読み込み中です。少し待ってから送信し直してください。</translation>
    </message>
    <message>
        <source>This attachment is missing from the database.</source>
        <translation>この添付ファイルはデータベースに見つかりません。</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>Attachment {name}, {facts}</source>
        <translation>添付ファイル {name}、{facts}</translation>
    </message>
    <message>
        <source>{name}
{facts}
Delete removes it; Enter opens it.</source>
        <translation>{name}
{facts}
Delete キーで削除、Enter キーで開きます。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>Reading 1 file…</source>
        <translation>1 個のファイルを読み込み中…</translation>
    </message>
    <message>
        <source>Reading {count} files…</source>
        <translation>{count} 個のファイルを読み込み中…</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 ページ</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} ページ</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>{width}×{height} px</source>
        <translation>{width}×{height} px</translation>
    </message>
    <message>
        <source>~{tokens} tokens</source>
        <translation>約 {tokens} トークン</translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation>貼り付けた画像</translation>
    </message>
    <message>
        <source>{name} is not a valid image: it cannot be decoded. Open it in an image editor, save it again as PNG or JPEG, and attach that.</source>
        <translation>{name} は有効な画像ではありません。デコードできません。画像エディターで開き、PNG または JPEG として保存し直してから添付してください。</translation>
    </message>
    <message>
        <source>{name} cannot be read ({reason}).</source>
        <translation>{name} を読み込めません（{reason}）。</translation>
    </message>
    <message>
        <source>An attachment is missing from the database.</source>
        <translation>添付ファイルがデータベースに見つかりません。</translation>
    </message>
    <message>
        <source>The file could not be attached ({reason}).</source>
        <translation>ファイルを添付できませんでした（{reason}）。</translation>
    </message>
    <message>
        <source>Image {title}, {width} by {height} pixels</source>
        <translation>画像 {title}、{width} × {height} ピクセル</translation>
    </message>
    <message>
        <source>+ and - zoom, 0 fits, 1 is actual size, Esc closes</source>
        <translation>+ と - で拡大・縮小、0 でウィンドウに合わせる、1 で実寸表示、Esc で閉じる</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>This conversation could not be saved: {exc}</source>
        <translation>この会話を保存できませんでした：{exc}</translation>
    </message>
    <message>
        <source>1 message of this conversation</source>
        <translation>この会話のメッセージ 1 件</translation>
    </message>
    <message>
        <source>{count} messages of this conversation</source>
        <translation>この会話のメッセージ {count} 件</translation>
    </message>
    <message>
        <source>the title and shown path of this conversation</source>
        <translation>この会話のタイトルと表示中の分岐</translation>
    </message>
    <message>
        <source>Not saved yet: {what}. It is kept in memory and saved as soon as the database can be written again. {value}</source>
        <translation>まだ保存されていません：{what}。メモリ上に保持し、データベースに書き込めるようになり次第保存します。{value}</translation>
    </message>
</context>
<context>
    <name>Bill</name>
    <message>
        <source>Input read from cache</source>
        <translation>キャッシュから読み込んだ入力</translation>
    </message>
    <message>
        <source>Cache written 5 min / 1 h</source>
        <translation>キャッシュ書き込み 5 分 / 1 時間</translation>
    </message>
    <message>
        <source>Cost of this reply</source>
        <translation>この返信の費用</translation>
    </message>
    <message>
        <source>Web searches / pages read</source>
        <translation>ウェブ検索 / 読んだページ</translation>
    </message>
    <message>
        <source>Cost of this conversation</source>
        <translation>この会話の費用</translation>
    </message>
    <message>
        <source>Conversation input from cache</source>
        <translation>キャッシュから読み込んだ会話の入力</translation>
    </message>
</context>
<context>
    <name>Capabilities</name>
    <message>
        <source>This model</source>
        <translation>このモデル</translation>
    </message>
    <message>
        <source>{name} cannot carry on a cut reply where it stopped (it takes no prefill): ask it to go on, or pick another model.</source>
        <translation>{name} は途中で切れた返信をその場所から続けられません（プリフィルに対応していません）。続けるよう頼むか、別のモデルを選んでください。</translation>
    </message>
    <message>
        <source>{name} writes at most {limit} tokens: max tokens lowered from {max_tokens}.</source>
        <translation>{name} の出力は最大 {limit} トークンです。最大トークン数を {max_tokens} から下げました。</translation>
    </message>
    <message>
        <source>{name} takes no effort level: using the model&apos;s default.</source>
        <translation>{name} は努力レベルに対応していません。モデルの既定値を使います。</translation>
    </message>
    <message>
        <source>using “{effort}”.</source>
        <translation>「{effort}」を使います。</translation>
    </message>
    <message>
        <source>using the model&apos;s default.</source>
        <translation>モデルの既定値を使います。</translation>
    </message>
    <message>
        <source>{name} has no “{effort}” effort: {instead}</source>
        <translation>{name} には「{effort}」の努力レベルがありません。{instead}</translation>
    </message>
    <message>
        <source>{name} does not take {value}: {value2} instead.</source>
        <translation>{name} は{value}に対応していません。代わりに{value2}を使います。</translation>
    </message>
    <message>
        <source>Thinking budget lowered to {budget}, below max tokens.</source>
        <translation>思考予算を最大トークン数未満の {budget} に下げました。</translation>
    </message>
    <message>
        <source>Max tokens leave no room for a thinking budget: thinking off.</source>
        <translation>最大トークン数では思考予算が確保できないため、思考をオフにしました。</translation>
    </message>
    <message>
        <source>thinking off</source>
        <translation>思考オフ</translation>
    </message>
    <message>
        <source>adaptive thinking</source>
        <translation>適応型思考</translation>
    </message>
    <message>
        <source>thinking with a budget</source>
        <translation>予算付きの思考</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Copy code block</source>
        <translation>コードブロックをコピー</translation>
    </message>
    <message>
        <source>Code copied</source>
        <translation>コードをコピーしました</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>メッセージをコピー</translation>
    </message>
    <message>
        <source>Message copied</source>
        <translation>メッセージをコピーしました</translation>
    </message>
    <message>
        <source>Reply copied</source>
        <translation>返信をコピーしました</translation>
    </message>
</context>
<context>
    <name>Citations</name>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
</context>
<context>
    <name>Client</name>
    <message>
        <source>Nothing has arrived yet after {round} s; {stop_key} stops waiting.</source>
        <translation>{round} 秒待っても何も届いていません。{stop_key} で待つのをやめます。</translation>
    </message>
    <message>
        <source>The server ended the response without sending any of the reply.</source>
        <translation>サーバーは返信を何も送らずに応答を終えました。</translation>
    </message>
    <message>
        <source>The connection ended before the reply was complete.</source>
        <translation>返信が完了する前に接続が切れました。</translation>
    </message>
    <message>
        <source> The server sent an HTML page{said}; a proxy or the base URL answered, not the API.</source>
        <translation> サーバーが HTML ページを返しました{said}。応答したのは API ではなく、プロキシかベース URL です。</translation>
    </message>
    <message>
        <source>an unknown kind of body</source>
        <translation>不明な種類の本文</translation>
    </message>
    <message>
        <source>an HTML page</source>
        <translation>HTML ページ</translation>
    </message>
    <message>
        <source>The server sent {what} (HTTP {status}) instead of the reply{said}. Something between this app and the API (a proxy, or the base URL) answered.</source>
        <translation>サーバーは返信の代わりに{what}（HTTP {status}）を返しました{said}。応答したのはこのアプリと API の間にあるもの（プロキシまたはベース URL）です。</translation>
    </message>
    <message>
        <source>The API refused the request: {detail}</source>
        <translation>API がリクエストを拒否しました：{detail}</translation>
    </message>
    <message>
        <source>The API key was not accepted. Check or replace it in Settings.</source>
        <translation>API キーが受け付けられませんでした。設定で確認するか、置き換えてください。</translation>
    </message>
    <message>
        <source>The account has no credit left for the API (402): {detail} Add credit, then retry.</source>
        <translation>このアカウントには API のクレジットが残っていません（402）：{detail} クレジットを追加してから再試行してください。</translation>
    </message>
    <message>
        <source>This API key may not use that: {detail}</source>
        <translation>この API キーではその操作はできません：{detail}</translation>
    </message>
    <message>
        <source>Not found: {detail} (is the model name right?)</source>
        <translation>見つかりません：{detail}（モデル名は正しいですか？）</translation>
    </message>
    <message>
        <source>The request is too large for the API. Start a new conversation or shorten it.</source>
        <translation>リクエストが API には大きすぎます。新しい会話を始めるか、短くしてください。</translation>
    </message>
    <message>
        <source>Rate limit reached: {detail}</source>
        <translation>レート制限に達しました：{detail}</translation>
    </message>
    <message>
        <source>The API took too long to answer (HTTP 504). Try again.</source>
        <translation>API の応答に時間がかかりすぎました（HTTP 504）。もう一度お試しください。</translation>
    </message>
    <message>
        <source>The API is overloaded right now. Try again shortly.</source>
        <translation>API は現在混み合っています。しばらくしてからお試しください。</translation>
    </message>
    <message>
        <source>The API is overloaded right now.</source>
        <translation>API は現在混み合っています。</translation>
    </message>
    <message>
        <source>Rate limit reached.</source>
        <translation>レート制限に達しました。</translation>
    </message>
    <message>
        <source>The API had an internal error.</source>
        <translation>API で内部エラーが発生しました。</translation>
    </message>
    <message>
        <source> What arrived is kept.</source>
        <translation>受信済みの内容は保持されています。</translation>
    </message>
    <message>
        <source>The API reported an error: {detail}.</source>
        <translation>API がエラーを報告しました：{detail}。</translation>
    </message>
    <message>
        <source>The API failed (HTTP {status}). Try again.</source>
        <translation>API でエラーが発生しました（HTTP {status}）。もう一度お試しください。</translation>
    </message>
    <message>
        <source>The API refused the request (HTTP {status}): {detail}</source>
        <translation>API がリクエストを拒否しました（HTTP {status}）：{detail}</translation>
    </message>
    <message>
        <source>The server{where} redirects in a loop, so the API was never reached. Check the base URL in Settings (or the proxy).</source>
        <translation>サーバー{where}がリダイレクトを繰り返し、API に届きませんでした。設定のベース URL（またはプロキシ）を確認してください。</translation>
    </message>
    <message>
        <source>Could not reach the API. Check your network connection (or the base URL).</source>
        <translation>API に接続できません。ネットワーク接続（またはベース URL）を確認してください。</translation>
    </message>
    <message>
        <source>The reply failed: {__name__}.</source>
        <translation>返信に失敗しました：{__name__}。</translation>
    </message>
    <message>
        <source>no details given</source>
        <translation>詳細はありません</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source> · unavailable now</source>
        <translation> · 現在は使用できません</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>コマンドパレット</translation>
    </message>
    <message>
        <source>Search commands</source>
        <translation>コマンドを検索</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>コマンドを入力…</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <source>No command matches.</source>
        <translation>一致するコマンドはありません。</translation>
    </message>
    <message>
        <source>No command matches</source>
        <translation>一致するコマンドはありません</translation>
    </message>
    <message>
        <source>, unavailable now</source>
        <translation>、現在は使用できません</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>A reply is still streaming: {stop_key} stops it.</source>
        <translation>返信をまだ受信中です。{stop_key} で停止します。</translation>
    </message>
    <message>
        <source>Edit cancelled.</source>
        <translation>編集をキャンセルしました。</translation>
    </message>
    <message>
        <source>Editing your last question: {send_key} sends it (the earlier version stays as a branch), {stop_key} cancels.</source>
        <translation>最後の質問を編集中：{send_key} で送信（以前の版は分岐として残ります）、{stop_key} でキャンセル。</translation>
    </message>
    <message>
        <source>No reply to copy yet.</source>
        <translation>コピーできる返信はまだありません。</translation>
    </message>
    <message>
        <source>The last reply has no code block.</source>
        <translation>最後の返信にはコードブロックがありません。</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>エクスポートするものはまだありません。</translation>
    </message>
    <message>
        <source>Conversations are not being saved.</source>
        <translation>会話は保存されていません。</translation>
    </message>
    <message>
        <source>all conversations</source>
        <translation>すべての会話</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>[Pasted text #{number}: {size}, 1 line]</source>
        <translation>[貼り付けたテキスト #{number}：{size}、1 行]</translation>
    </message>
    <message>
        <source>[Pasted text #{number}: {size}, {lines} lines]</source>
        <translation>[貼り付けたテキスト #{number}：{size}、{lines} 行]</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>MCP server &quot;{server}&quot;, field &quot;{field}&quot;: {reason}</source>
        <translation>MCP サーバー「{server}」のフィールド「{field}」：{reason}</translation>
    </message>
    <message>
        <source>MCP server &quot;{server}&quot;: {reason}</source>
        <translation>MCP サーバー「{server}」：{reason}</translation>
    </message>
    <message>
        <source>must be an object of names to text values</source>
        <translation>名前からテキスト値へのオブジェクトである必要があります</translation>
    </message>
    <message>
        <source>must be text (put numbers in quotes)</source>
        <translation>テキストである必要があります（数値は引用符で囲んでください）</translation>
    </message>
    <message>
        <source>&quot;keychain:&quot; needs a name after it</source>
        <translation>&quot;keychain:&quot; の後に名前が必要です</translation>
    </message>
    <message>
        <source>the server needs a non-empty name</source>
        <translation>サーバーには空でない名前が必要です</translation>
    </message>
    <message>
        <source>the name is longer than {MAX_NAME_LENGTH} characters</source>
        <translation>名前が {MAX_NAME_LENGTH} 文字を超えています</translation>
    </message>
    <message>
        <source>the name contains control characters</source>
        <translation>名前に制御文字が含まれています</translation>
    </message>
    <message>
        <source>must be a non-empty text</source>
        <translation>空でないテキストである必要があります</translation>
    </message>
    <message>
        <source>must be an http:// or https:// address</source>
        <translation>http:// または https:// のアドレスである必要があります</translation>
    </message>
    <message>
        <source>the entry must be an object ({...})</source>
        <translation>エントリはオブジェクト（{...}）である必要があります</translation>
    </message>
    <message>
        <source>&quot;{kind}&quot; is not a transport this app speaks (use &quot;stdio&quot; or &quot;http&quot;)</source>
        <translation>&quot;{kind}&quot; はこのアプリが対応するトランスポートではありません（&quot;stdio&quot; か &quot;http&quot; を使ってください）</translation>
    </message>
    <message>
        <source>the old SSE transport is not supported; use the server&apos;s streamable-HTTP URL</source>
        <translation>古い SSE トランスポートには対応していません。サーバーの streamable-HTTP の URL を使ってください</translation>
    </message>
    <message>
        <source>an entry has a command or a url, not both</source>
        <translation>エントリには command か url のどちらか一方だけを指定します</translation>
    </message>
    <message>
        <source>missing: give a command (stdio) or a url (HTTP)</source>
        <translation>不足：command（stdio）か url（HTTP）を指定してください</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>true か false である必要があります</translation>
    </message>
    <message>
        <source>must be a list of texts</source>
        <translation>テキストのリストである必要があります</translation>
    </message>
    <message>
        <source>{path}: the file must hold an object</source>
        <translation>{path}：ファイルはオブジェクトである必要があります</translation>
    </message>
    <message>
        <source>{path}: &quot;mcpServers&quot; must be an object</source>
        <translation>{path}：&quot;mcpServers&quot; はオブジェクトである必要があります</translation>
    </message>
    <message>
        <source>{path} could not be read: {exc}</source>
        <translation>{path} を読み込めません：{exc}</translation>
    </message>
    <message>
        <source>{path} is not valid JSON (line {lineno}, column {colno}: {msg}); no MCP server was loaded from it</source>
        <translation>{path} は有効な JSON ではありません（{lineno} 行 {colno} 列：{msg}）。MCP サーバーは読み込まれませんでした</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>%1 / %2 tokens (%3%)</source>
        <translation>%1 / %2 トークン（%3%）</translation>
    </message>
    <message>
        <source>This message would not fit: the conversation and the draft are %1 tokens, and the model reads at most %2. Nothing was sent. Start a new conversation from a summary of this one, or shorten the draft.</source>
        <translation>このメッセージは収まりません：会話と下書きで %1 トークンありますが、モデルが読めるのは最大 %2 トークンです。何も送信していません。この会話の要約から新しい会話を始めるか、下書きを短くしてください。</translation>
    </message>
    <message>
        <source>Summarise the conversation below so that we can go on from it here: the facts, decisions and open questions, briefly.</source>
        <translation>ここから続けられるように、以下の会話を要約してください：事実、決定事項、未解決の問題を簡潔に。</translation>
    </message>
    <message>
        <source>(%1 starts one.)</source>
        <translation>（%1 で要約から新しい会話を始められます。）</translation>
    </message>
    <message>
        <source>Context window used</source>
        <translation>コンテキストウィンドウの使用量</translation>
    </message>
    <message>
        <source>Web search on</source>
        <translation>ウェブ検索オン</translation>
    </message>
    <message>
        <source>%1 with the draft</source>
        <translation>%1（下書きを含む）</translation>
    </message>
    <message>
        <source>%1: over the model&apos;s limit</source>
        <translation>%1：モデルの上限を超えています</translation>
    </message>
    <message>
        <source>%1: nearly full</source>
        <translation>%1：ほぼいっぱいです</translation>
    </message>
    <message>
        <source>How much of the model&apos;s context window the next request fills. Exact after each reply; the draft is counted by the API as you pause.</source>
        <translation>次のリクエストがモデルのコンテキストウィンドウをどれだけ使うか。返信のたびに正確な値になります。下書きは入力が止まったときに API が数えます。</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>The conversations database was saved again.</source>
        <translation>会話データベースを保存し直しました。</translation>
    </message>
    <message>
        <source>There is no reply to regenerate yet.</source>
        <translation>再生成できる返信はまだありません。</translation>
    </message>
    <message>
        <source>Only a reply that stopped short can be continued.</source>
        <translation>続けられるのは途中で止まった返信だけです。</translation>
    </message>
    <message>
        <source>{reason} ({regenerate_key} asks again.)</source>
        <translation>{reason}（{regenerate_key} でもう一度尋ねます。）</translation>
    </message>
    <message>
        <source>There is no refused exchange to leave out.</source>
        <translation>除外できる拒否されたやり取りはありません。</translation>
    </message>
</context>
<context>
    <name>ConversationDelegates</name>
    <message>
        <source>Conversation title</source>
        <translation>会話のタイトル</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
</context>
<context>
    <name>ConversationLoader</name>
    <message>
        <source>This conversation has {messages:,} messages, more than any model can read back: it can be read and exported here, but not continued.</source>
        <translation>この会話には {messages:,} 件のメッセージがあり、どのモデルも読み込めない量です。ここで読んだりエクスポートしたりはできますが、続けることはできません。</translation>
    </message>
    <message>
        <source>This conversation could not be read whole: {exc}</source>
        <translation>この会話をすべて読み込めませんでした：{exc}</translation>
    </message>
</context>
<context>
    <name>ConversationModels</name>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>Today {clock}</source>
        <translation>今日 {clock}</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date: day, month</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date: d, m, y</comment>
        <translation>yyyy年M月d日</translation>
    </message>
</context>
<context>
    <name>ConversationNotes</name>
    <message>
        <source>Variant</source>
        <translation>バリエーション</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>{kind} {variant} of {variants}: {keys} to see the others.</source>
        <translation>{kind} {variant}/{variants}：{keys} で他を表示します。</translation>
    </message>
    <message>
        <source>This exchange is left out of what is sent to Claude.</source>
        <translation>このやり取りは Claude に送る内容から除外されています。</translation>
    </message>
    <message>
        <source>{edit_last_key} edits your question; {drop_refused_key} leaves this exchange out of what is sent next (the API asks for one or the other).</source>
        <translation>{edit_last_key} で質問を編集、{drop_refused_key} でこのやり取りを次に送る内容から除外します（API はどちらかを求めています）。</translation>
    </message>
    <message>
        <source>{continue_key} continues this reply.</source>
        <translation>{continue_key} でこの返信を続けます。</translation>
    </message>
    <message>
        <source>{regenerate_key} asks again.</source>
        <translation>{regenerate_key} でもう一度尋ねます。</translation>
    </message>
</context>
<context>
    <name>Costs</name>
    <message>
        <source>price unknown</source>
        <translation>価格不明</translation>
    </message>
    <message>
        <source>%1 + price unknown</source>
        <translation>%1 + 価格不明</translation>
    </message>
    <message>
        <source>No price known for: %1</source>
        <translation>価格が不明なもの：%1</translation>
    </message>
    <message>
        <source>input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>cache write 5 min</source>
        <translation>キャッシュ書き込み 5 分</translation>
    </message>
    <message>
        <source>cache write 1 h</source>
        <translation>キャッシュ書き込み 1 時間</translation>
    </message>
    <message>
        <source>cache read</source>
        <translation>キャッシュ読み込み</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>%1 per million tokens: %2</source>
        <translation>%1 の 100 万トークンあたりの価格：%2</translation>
    </message>
    <message>
        <source>Checked %1; source: %2</source>
        <translation>確認日 %1、出典：%2</translation>
    </message>
    <message>
        <source>Your own prices file changes some of them.</source>
        <translation>一部の価格は独自の価格ファイルで変更されています。</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>unlock the keychain and try again, set ANTHROPIC_API_KEY in the environment, or keep the key for this session only</source>
        <translation>キーチェーンのロックを解除して再試行するか、環境変数 ANTHROPIC_API_KEY を設定するか、このセッションだけキーを使ってください</translation>
    </message>
    <message>
        <source>No usable keychain: {reason}. You can {CHOICES}.</source>
        <translation>使えるキーチェーンがありません：{reason}。次のいずれかを行えます：{CHOICES}。</translation>
    </message>
    <message>
        <source>The key is empty.</source>
        <translation>キーが空です。</translation>
    </message>
    <message>
        <source>The key contains spaces or line breaks; paste it as one word.</source>
        <translation>キーにスペースか改行が含まれています。一続きの文字列として貼り付けてください。</translation>
    </message>
    <message>
        <source>The key contains characters that are not plain ASCII letters, digits or signs.</source>
        <translation>キーに ASCII の英字・数字・記号以外の文字が含まれています。</translation>
    </message>
    <message>
        <source>The key is longer than {_MAX_KEY_LENGTH} characters.</source>
        <translation>キーが {_MAX_KEY_LENGTH} 文字を超えています。</translation>
    </message>
    <message>
        <source>no keychain service was found (on Linux: GNOME Keyring or KWallet over D-Bus)</source>
        <translation>キーチェーンサービスが見つかりません（Linux では D-Bus 経由の GNOME Keyring または KWallet）</translation>
    </message>
    <message>
        <source>the keychain is locked and its unlock prompt was dismissed</source>
        <translation>キーチェーンがロックされており、ロック解除の確認が閉じられました</translation>
    </message>
    <message>
        <source>the keychain is locked</source>
        <translation>キーチェーンがロックされています</translation>
    </message>
    <message>
        <source>the Secret Service could not be reached over D-Bus</source>
        <translation>D-Bus 経由で Secret Service に接続できません</translation>
    </message>
    <message>
        <source>the keychain could not be reached ({detail})</source>
        <translation>キーチェーンに接続できません（{detail}）</translation>
    </message>
    <message>
        <source>the keychain failed ({detail})</source>
        <translation>キーチェーンでエラーが発生しました（{detail}）</translation>
    </message>
    <message>
        <source>the keyring backend {module}.{name} keeps secrets in a file, which is refused</source>
        <translation>keyring バックエンド {module}.{name} は秘密情報をファイルに保存するため、使用を拒否しました</translation>
    </message>
    <message>
        <source>the keyring backend {module}.{name} is not a recommended keychain (refused)</source>
        <translation>keyring バックエンド {module}.{name} は推奨されるキーチェーンではありません（拒否）</translation>
    </message>
    <message>
        <source>no keychain service was found</source>
        <translation>キーチェーンサービスが見つかりません</translation>
    </message>
    <message>
        <source>the Secret Service keychain</source>
        <translation>Secret Service のキーチェーン</translation>
    </message>
    <message>
        <source>the Secret Service keychain (libsecret)</source>
        <translation>Secret Service のキーチェーン（libsecret）</translation>
    </message>
    <message>
        <source>KWallet</source>
        <translation>KWallet</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>macOS のキーチェーン</translation>
    </message>
    <message>
        <source>the Windows Credential Locker</source>
        <translation>Windows 資格情報マネージャー</translation>
    </message>
    <message>
        <source>the keychain returned something that is not text</source>
        <translation>キーチェーンがテキストでないものを返しました</translation>
    </message>
    <message>
        <source>the keychain did not keep the key</source>
        <translation>キーチェーンにキーが保存されませんでした</translation>
    </message>
    <message>
        <source>An MCP secret needs a name and a value.</source>
        <translation>MCP のシークレットには名前と値が必要です。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Quit with unsaved messages?</source>
        <translation>保存されていないメッセージがあります。終了しますか？</translation>
    </message>
    <message>
        <source>{unsaved}

If you quit now, what is not saved is lost. Export the conversation first to keep it.</source>
        <translation>{unsaved}

今終了すると、保存されていない内容は失われます。残すには先に会話をエクスポートしてください。</translation>
    </message>
    <message>
        <source>Quit without saving</source>
        <translation>保存せずに終了</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>The draft is too large to keep ({format_size}; the limit is {format_size2}): it will be lost if the app closes.</source>
        <translation>下書きが大きすぎて保持できません（{format_size}、上限は {format_size2}）。アプリを閉じると失われます。</translation>
    </message>
    <message>
        <source>The draft could not be saved: {value}.</source>
        <translation>下書きを保存できませんでした：{value}。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON, to import again (*.json)</source>
        <translation>JSON、再インポート用 (*.json)</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML ページ (*.html)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Could not export to {path}: {exc}</source>
        <translation>{path} にエクスポートできませんでした：{exc}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in the conversation</source>
        <translation>会話内を検索</translation>
    </message>
    <message>
        <source>Find  ({find_next_key}: next match, {find_previous_key}: previous)</source>
        <translation>検索（{find_next_key}：次へ、{find_previous_key}：前へ）</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Close find</source>
        <translation>検索を閉じる</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>一致なし</translation>
    </message>
</context>
<context>
    <name>GrantsList</name>
    <message>
        <source>Problems with the permissions</source>
        <translation>許可に関する問題</translation>
    </message>
    <message>
        <source>Revoke &amp;all</source>
        <translation>すべて取り消す(&amp;A)</translation>
    </message>
    <message>
        <source>Revoke all permissions</source>
        <translation>すべての許可を取り消す</translation>
    </message>
    <message>
        <source>Every tool asks before it runs.</source>
        <translation>どのツールも実行前に確認します。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>in every conversation</source>
        <translation>すべての会話で</translation>
    </message>
    <message>
        <source>in “{title}” only</source>
        <translation>「{title}」でのみ</translation>
    </message>
    <message>
        <source>in one conversation only</source>
        <translation>1 つの会話でのみ</translation>
    </message>
    <message>
        <source> (since {date})</source>
        <translation>（{date} から）</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>取り消す</translation>
    </message>
    <message>
        <source>Revoke: {words}</source>
        <translation>取り消す：{words}</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>許可</translation>
    </message>
    <message>
        <source>Could not revoke it: {exc}</source>
        <translation>取り消せませんでした：{exc}</translation>
    </message>
    <message>
        <source>Revoked: {words}. It asks again.</source>
        <translation>取り消しました：{words}。今後は再び確認します。</translation>
    </message>
    <message>
        <source>Could not revoke them all: {exc}</source>
        <translation>すべては取り消せませんでした：{exc}</translation>
    </message>
    <message>
        <source>Revoked 1 permission.</source>
        <translation>1 件の許可を取り消しました。</translation>
    </message>
    <message>
        <source>Revoked {count} permissions.</source>
        <translation>{count} 件の許可を取り消しました。</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>{key} or a click</source>
        <translation>{key} またはクリック</translation>
    </message>
    <message>
        <source>A click</source>
        <translation>クリック</translation>
    </message>
    <message>
        <source>{close} closes this list.</source>
        <translation>{close} でこの一覧を閉じます。</translation>
    </message>
    <message>
        <source>  {value} finds any command by name.</source>
        <translation>  {value} で任意のコマンドを名前で探せます。</translation>
    </message>
    <message>
        <source>{title}: no shortcut</source>
        <translation>{title}：ショートカットなし</translation>
    </message>
    <message>
        <source>no shortcut</source>
        <translation>ショートカットなし</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>{title} text</source>
        <translation>{title} のテキスト</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>リクエスト ID</translation>
    </message>
    <message>
        <source>Stop reason</source>
        <translation>停止理由</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>入力トークン</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>出力トークン</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>キャッシュ読み取り</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>キャッシュ書き込み</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>最初のトークンまでの時間</translation>
    </message>
    <message>
        <source>Output tokens/s</source>
        <translation>出力トークン/秒</translation>
    </message>
    <message>
        <source>Reply details</source>
        <translation>返信の詳細</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reply details&lt;/b&gt;</source>
        <translation>&lt;b&gt;返信の詳細&lt;/b&gt;</translation>
    </message>
    <message>
        <source>streaming…</source>
        <translation>受信中…</translation>
    </message>
    <message>
        <source>Thinking {n}</source>
        <translation>思考 {n}</translation>
    </message>
    <message>
        <source>Redacted thinking</source>
        <translation>非公開の思考</translation>
    </message>
    <message>
        <source>(encrypted by the API; sent back unchanged)</source>
        <translation>（API により暗号化済み。そのまま送り返します）</translation>
    </message>
    <message>
        <source>Tool use: {name}</source>
        <translation>ツールの使用：{name}</translation>
    </message>
    <message>
        <source>Tool result: {block_type}</source>
        <translation>ツールの結果：{block_type}</translation>
    </message>
    <message>
        <source>Unsupported block: {block_type} (kept, sent back unchanged)</source>
        <translation>未対応のブロック：{block_type}（保持し、そのまま送り返します）</translation>
    </message>
    <message>
        <source>{json}

(not valid JSON)</source>
        <translation>{json}

（有効な JSON ではありません）</translation>
    </message>
    <message>
        <source>Running: {name}…</source>
        <translation>実行中：{name}…</translation>
    </message>
    <message>
        <source>Waiting for the tool (or for your answer to its approval).</source>
        <translation>ツール（または実行許可へのあなたの回答）を待っています。</translation>
    </message>
    <message>
        <source>Error from {name}</source>
        <translation>{name} のエラー</translation>
    </message>
    <message>
        <source>Result of {name}</source>
        <translation>{name} の結果</translation>
    </message>
    <message>
        <source>{raw}

(incomplete JSON: the reply was cut)</source>
        <translation>{raw}

（JSON が不完全です：返信が途中で切れました）</translation>
    </message>
    <message>
        <source>none (the reply was cut)</source>
        <translation>なし（返信が途中で切れました）</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ミリ秒</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>Add your Anthropic API key</source>
        <translation>Anthropic API キーを追加</translation>
    </message>
    <message>
        <source>Desktop Chat needs an Anthropic API key to talk to Claude. It is kept in your system&apos;s keychain, never in a file.</source>
        <translation>Desktop Chat が Claude と話すには Anthropic API キーが必要です。キーはシステムのキーチェーンに保管され、ファイルには保存されません。</translation>
    </message>
    <message>
        <source>About the API key</source>
        <translation>API キーについて</translation>
    </message>
    <message>
        <source>Get a key at &lt;a href=&quot;{url}&quot;&gt;console.anthropic.com&lt;/a&gt; (Settings → API keys).</source>
        <translation>キーは &lt;a href=&quot;{url}&quot;&gt;console.anthropic.com&lt;/a&gt; で取得できます（Settings → API keys）。</translation>
    </message>
    <message>
        <source>Where to get a key</source>
        <translation>キーの入手先</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API キー</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>キーを表示</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation>確認して保存</translation>
    </message>
    <message>
        <source>Use for this session only</source>
        <translation>このセッションだけ使う</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation>キーを隠す</translation>
    </message>
    <message>
        <source>Checking the key…</source>
        <translation>キーを確認しています…</translation>
    </message>
    <message>
        <source>Saving it in the keychain…</source>
        <translation>キーチェーンに保存しています…</translation>
    </message>
    <message>
        <source>That did not work ({__name__}: {exc}).</source>
        <translation>うまくいきませんでした（{__name__}：{exc}）。</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <source>Send the message</source>
        <translation>メッセージを送信</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>メッセージ内で改行</translation>
    </message>
    <message>
        <source>Edit the last question</source>
        <translation>最後の質問を編集</translation>
    </message>
    <message>
        <source>Focus the message box</source>
        <translation>メッセージ欄へ移動</translation>
    </message>
    <message>
        <source>Attach files (images, PDFs, text)…</source>
        <translation>ファイルを添付（画像、PDF、テキスト）…</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>返信を停止</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>返信</translation>
    </message>
    <message>
        <source>Regenerate the last reply</source>
        <translation>最後の返信を再生成</translation>
    </message>
    <message>
        <source>Continue a cut-off reply</source>
        <translation>途中で切れた返信を続ける</translation>
    </message>
    <message>
        <source>Leave a refused exchange out of what is sent</source>
        <translation>拒否されたやり取りを送信内容から除外</translation>
    </message>
    <message>
        <source>Show the previous variant</source>
        <translation>前のバリエーションを表示</translation>
    </message>
    <message>
        <source>Show the next variant</source>
        <translation>次のバリエーションを表示</translation>
    </message>
    <message>
        <source>Copy the last reply</source>
        <translation>最後の返信をコピー</translation>
    </message>
    <message>
        <source>Copy the last code block</source>
        <translation>最後のコードブロックをコピー</translation>
    </message>
    <message>
        <source>Find in the conversation</source>
        <translation>会話内を検索</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Find the next match</source>
        <translation>次を検索</translation>
    </message>
    <message>
        <source>Find the previous match</source>
        <translation>前を検索</translation>
    </message>
    <message>
        <source>Go to the previous message</source>
        <translation>前のメッセージへ</translation>
    </message>
    <message>
        <source>Go to the next message</source>
        <translation>次のメッセージへ</translation>
    </message>
    <message>
        <source>Export this conversation…</source>
        <translation>この会話をエクスポート…</translation>
    </message>
    <message>
        <source>Web search on or off for this chat</source>
        <translation>このチャットのウェブ検索をオン/オフ</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会話一覧</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>会話を検索</translation>
    </message>
    <message>
        <source>Next chat</source>
        <translation>次のチャット</translation>
    </message>
    <message>
        <source>Previous chat</source>
        <translation>前のチャット</translation>
    </message>
    <message>
        <source>Export all conversations…</source>
        <translation>すべての会話をエクスポート…</translation>
    </message>
    <message>
        <source>New chat from a summary of this one</source>
        <translation>このチャットの要約から新しいチャット</translation>
    </message>
    <message>
        <source>Rename the chat (in the list)</source>
        <translation>チャットの名前を変更（一覧で）</translation>
    </message>
    <message>
        <source>Delete the chat (in the list)</source>
        <translation>チャットを削除（一覧で）</translation>
    </message>
    <message>
        <source>Undo deleting a chat</source>
        <translation>チャットの削除を元に戻す</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>コマンドパレット</translation>
    </message>
    <message>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Change keyboard shortcuts…</source>
        <translation>キーボードショートカットを変更…</translation>
    </message>
    <message>
        <source>Larger chat text</source>
        <translation>チャットの文字を大きく</translation>
    </message>
    <message>
        <source>Smaller chat text</source>
        <translation>チャットの文字を小さく</translation>
    </message>
    <message>
        <source>Chat text at the usual size</source>
        <translation>チャットの文字を標準の大きさに</translation>
    </message>
    <message>
        <source>Show or hide the side pane</source>
        <translation>詳細パネルの表示/非表示</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Tools: MCP servers and permissions…</source>
        <translation>ツール：MCP サーバーと許可…</translation>
    </message>
    <message>
        <source>Usage and costs…</source>
        <translation>使用量と費用…</translation>
    </message>
    <message>
        <source>Change the API key…</source>
        <translation>API キーを変更…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Close a list, a bar or a dialog</source>
        <translation>一覧、バー、ダイアログを閉じる</translation>
    </message>
    <message>
        <source>Press a dialog&apos;s default button</source>
        <translation>ダイアログの既定のボタンを押す</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>The message holds a broken character at position {value} (a lone UTF-16 surrogate, from a bad copy): remove it and send again.</source>
        <translation>メッセージの {value} 文字目に壊れた文字があります（不正なコピーによる単独の UTF-16 サロゲート）。削除してから送信してください。</translation>
    </message>
    <message>
        <source>The message is too large to send: {format_size}, over the limit of {format_size2}. Shorten it: every request carries the whole conversation, and the API takes at most {format_size3} per request.</source>
        <translation>メッセージが大きすぎて送信できません：{format_size}（上限 {format_size2}）。短くしてください。リクエストごとに会話全体が送られ、API が 1 回に受け付けるのは最大 {format_size3} です。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Exported to {path}</source>
        <translation>{path} にエクスポートしました</translation>
    </message>
    <message>
        <source>The API did not accept the key. Enter another one.</source>
        <translation>API がこのキーを受け付けませんでした。別のキーを入力してください。</translation>
    </message>
    <message>
        <source>{title} — Desktop Chat</source>
        <translation>{title} — Desktop Chat</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>設定を保存しました。</translation>
    </message>
    <message>
        <source>your system keychain</source>
        <translation>システムのキーチェーン</translation>
    </message>
    <message>
        <source>this session only</source>
        <translation>このセッションのみ</translation>
    </message>
    <message>
        <source>API key saved to {place}.</source>
        <translation>API キーを{place}に保存しました。</translation>
    </message>
    <message>
        <source>Claude is replying… ({stop_key} to stop)</source>
        <translation>Claude が返信中…（{stop_key} で停止）</translation>
    </message>
    <message>
        <source>Ask Claude…  ({send_key} to send, {newline_key} for a new line)</source>
        <translation>Claude に質問…（{send_key} で送信、{newline_key} で改行）</translation>
    </message>
</context>
<context>
    <name>Manager</name>
    <message>
        <source>Turned off in the settings.</source>
        <translation>設定でオフになっています。</translation>
    </message>
    <message>
        <source>Not started: its command line is not confirmed yet.</source>
        <translation>未起動：コマンドラインがまだ確認されていません。</translation>
    </message>
</context>
<context>
    <name>MarkdownWriter</name>
    <message>
        <source>Copy the code</source>
        <translation>コードをコピー</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>[image: {alt}]</source>
        <translation>[画像：{alt}]</translation>
    </message>
    <message>
        <source>[image]</source>
        <translation>[画像]</translation>
    </message>
</context>
<context>
    <name>McpJsonEditor</name>
    <message>
        <source>Why mcp.json was not saved</source>
        <translation>mcp.json が保存されなかった理由</translation>
    </message>
    <message>
        <source>&amp;Save mcp.json</source>
        <translation>mcp.json を保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save mcp.json</source>
        <translation>mcp.json を保存</translation>
    </message>
    <message>
        <source>Disca&amp;rd changes</source>
        <translation>変更を破棄(&amp;R)</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>変更を破棄</translation>
    </message>
    <message>
        <source>{path} could not be read: {exc}</source>
        <translation>{path} を読み込めません：{exc}</translation>
    </message>
    <message>
        <source>line {lineno}, column {colno}: {msg}</source>
        <translation>{lineno} 行 {colno} 列：{msg}</translation>
    </message>
    <message>
        <source>Not saved: this is not valid JSON ({where}).</source>
        <translation>保存されていません：有効な JSON ではありません（{where}）。</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>保存されていません：</translation>
    </message>
    <message>
        <source>Not saved: {path} could not be written ({exc}).</source>
        <translation>保存されていません：{path} に書き込めませんでした（{exc}）。</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>replying</source>
        <translation>返信中</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>The conversation, one message at a time</source>
        <translation>会話（メッセージごと）</translation>
    </message>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>Claude</source>
        <translation>Claude</translation>
    </message>
    <message>
        <source>{author}: {text}</source>
        <translation>{author}：{text}</translation>
    </message>
    <message>
        <source>Claude: (replying)</source>
        <translation>Claude：（返信中）</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>The key was not accepted (401). Check that you copied all of it.</source>
        <translation>キーが受け付けられませんでした（401）。すべてコピーしたか確認してください。</translation>
    </message>
    <message>
        <source>This key is not allowed to use the API (403). Check its workspace or plan.</source>
        <translation>このキーは API を使用できません（403）。ワークスペースやプランを確認してください。</translation>
    </message>
    <message>
        <source>The server has no model list (404). Is the base URL right?</source>
        <translation>サーバーにモデル一覧がありません（404）。ベース URL は正しいですか？</translation>
    </message>
    <message>
        <source>Too many requests right now (429): the key could not be checked. Try again.</source>
        <translation>現在リクエストが多すぎます（429）。キーを確認できませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP {status_code}). Try again later.</source>
        <translation>サーバーがエラーを返しました（HTTP {status_code}）。しばらくしてからお試しください。</translation>
    </message>
    <message>
        <source>The server did not answer within {CHECK_TIMEOUT_S:g} seconds. Try again.</source>
        <translation>サーバーが {CHECK_TIMEOUT_S:g} 秒以内に応答しませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Could not reach {host}. Check your network connection or the base URL.</source>
        <translation>{host} に接続できません。ネットワーク接続かベース URL を確認してください。</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <source>{where}: a price must be a number</source>
        <translation>{where}：価格は数値である必要があります</translation>
    </message>
    <message>
        <source>{where}: a price must be a number of dollars, 0 or more</source>
        <translation>{where}：価格は 0 以上のドル額である必要があります</translation>
    </message>
    <message>
        <source>{name} is larger than {size} KB</source>
        <translation>{name} は {size} KB を超えています</translation>
    </message>
    <message>
        <source>The price file {name} was not used: {exc}</source>
        <translation>価格ファイル {name} は使われませんでした：{exc}</translation>
    </message>
    <message>
        <source>Your prices file {path} was not used: {exc}</source>
        <translation>独自の価格ファイル {path} は使われませんでした：{exc}</translation>
    </message>
    <message>
        <source>Your prices file {path} must hold an object of models.</source>
        <translation>独自の価格ファイル {path} は、モデルごとのオブジェクトである必要があります。</translation>
    </message>
    <message>
        <source>{name}: {model} must be an object of prices.</source>
        <translation>{name}：{model} は価格のオブジェクトである必要があります。</translation>
    </message>
</context>
<context>
    <name>Retry</name>
    <message>
        <source>Overloaded.</source>
        <translation>混雑しています。</translation>
    </message>
    <message>
        <source>Rate limited.</source>
        <translation>レート制限中です。</translation>
    </message>
    <message>
        <source>The API failed.</source>
        <translation>API でエラーが発生しました。</translation>
    </message>
    <message>
        <source>The connection dropped.</source>
        <translation>接続が切れました。</translation>
    </message>
    <message>
        <source>The reply stalled.</source>
        <translation>返信が止まりました。</translation>
    </message>
    <message>
        <source>The reply was cut short.</source>
        <translation>返信が途中で切れました。</translation>
    </message>
    <message>
        <source>{reason} Retrying now…</source>
        <translation>{reason} 再試行しています…</translation>
    </message>
    <message>
        <source>{reason} Retrying in {duration}… ({stop_key} to cancel)</source>
        <translation>{reason} {duration}後に再試行します…（{stop_key} でキャンセル）</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分</translation>
    </message>
    <message>
        <source>{minutes} min {rest} s</source>
        <translation>{minutes} 分 {rest} 秒</translation>
    </message>
    <message>
        <source>Start a new conversation or remove long attachments (new chat: {new_chat_key}).</source>
        <translation>新しい会話を始めるか、長い添付ファイルを外してください（新しいチャット：{new_chat_key}）。</translation>
    </message>
    <message>
        <source>Check the billing of this key&apos;s account in the Anthropic Console, then ask again ({regenerate_key}).</source>
        <translation>Anthropic Console でこのキーのアカウントの請求状況を確認してから、もう一度尋ねてください（{regenerate_key}）。</translation>
    </message>
    <message>
        <source>Check the key ({api_key_key}).</source>
        <translation>キーを確認してください（{api_key_key}）。</translation>
    </message>
    <message>
        <source>Pick a model this key may use in Settings ({settings_key}), or use another key ({api_key_key}).</source>
        <translation>設定でこのキーが使えるモデルを選ぶか（{settings_key}）、別のキーを使ってください（{api_key_key}）。</translation>
    </message>
    <message>
        <source>the model name</source>
        <translation>モデル名</translation>
    </message>
    <message>
        <source>Check {name} in Settings ({settings_key}): it may be misspelled or retired.</source>
        <translation>設定で{name}を確認してください（{settings_key}）。つづりが間違っているか、提供が終了している可能性があります。</translation>
    </message>
    <message>
        <source>The API&apos;s reason: {api_reason}</source>
        <translation>API が示した理由：{api_reason}</translation>
    </message>
    <message>
        <source>Try again in {duration} ({regenerate_key}).</source>
        <translation>{duration}後にもう一度お試しください（{regenerate_key}）。</translation>
    </message>
    <message>
        <source>Check the network connection (and the base URL in Settings), then retry ({regenerate_key}).</source>
        <translation>ネットワーク接続（と設定のベース URL）を確認してから再試行してください（{regenerate_key}）。</translation>
    </message>
    <message>
        <source>Continue the reply ({continue_key}) or ask again ({regenerate_key}); what arrived is kept.</source>
        <translation>返信を続けるか（{continue_key}）、もう一度尋ねてください（{regenerate_key}）。受信済みの内容は保持されています。</translation>
    </message>
    <message>
        <source>Retry ({regenerate_key}); if it happens again, something between this app and the API is changing the replies.</source>
        <translation>再試行してください（{regenerate_key}）。再び起こる場合は、このアプリと API の間にある何かが返信を書き換えています。</translation>
    </message>
    <message>
        <source>Retry when ready ({regenerate_key}).</source>
        <translation>準備ができたら再試行してください（{regenerate_key}）。</translation>
    </message>
    <message>
        <source>The API refused the request: </source>
        <translation>API がリクエストを拒否しました：</translation>
    </message>
    <message>
        <source> What arrived is kept.</source>
        <translation>受信済みの内容は保持されています。</translation>
    </message>
</context>
<context>
    <name>SafeFiles</name>
    <message>
        <source>Could not keep a copy of {path}: {value}.</source>
        <translation>{path} のコピーを残せませんでした：{value}。</translation>
    </message>
    <message>
        <source>The old file was kept as {target}.</source>
        <translation>以前のファイルは {target} として残しました。</translation>
    </message>
</context>
<context>
    <name>SaveBanner</name>
    <message>
        <source>Not saved</source>
        <translation>保存されていません</translation>
    </message>
    <message>
        <source>What is not saved</source>
        <translation>保存されていない内容</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Save the database again</source>
        <translation>データベースを保存し直す</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Save this conversation to a file of your choice</source>
        <translation>この会話を任意のファイルに保存</translation>
    </message>
</context>
<context>
    <name>SaveKeeper</name>
    <message>
        <source>{value} Other conversations have unsaved messages too.</source>
        <translation>{value} 他の会話にも保存されていないメッセージがあります。</translation>
    </message>
</context>
<context>
    <name>SearchIndex</name>
    <message>
        <source>Search is off: its index is damaged and could not be rebuilt ({reason}). Your conversations are intact; search comes back when the index is rebuilt at the next start.</source>
        <translation>検索はオフです：索引が壊れており、再構築できませんでした（{reason}）。会話は無事です。次回の起動時に索引が再構築されると検索が戻ります。</translation>
    </message>
</context>
<context>
    <name>ServerConfirmDialog</name>
    <message>
        <source>No environment variables of its own.</source>
        <translation>独自の環境変数はありません。</translation>
    </message>
    <message>
        <source>{name} (from the keychain)</source>
        <translation>{name}（キーチェーンから）</translation>
    </message>
    <message>
        <source>With these environment variables: {names}.</source>
        <translation>次の環境変数を使います：{names}。</translation>
    </message>
    <message>
        <source>Run the MCP server “{name}”?</source>
        <translation>MCP サーバー「{name}」を実行しますか？</translation>
    </message>
    <message>
        <source>The MCP server “{name}” is new or its command line changed.</source>
        <translation>MCP サーバー「{name}」は新しいか、コマンドラインが変更されています。</translation>
    </message>
    <message>
        <source>What is asked</source>
        <translation>求められていること</translation>
    </message>
    <message>
        <source>This program will run on your computer with your permissions: it can read and change your files and reach the network. Run it only if you trust it.</source>
        <translation>このプログラムはあなたの権限でこのコンピューター上で実行されます。ファイルの読み書きやネットワークへのアクセスができます。信頼できる場合にのみ実行してください。</translation>
    </message>
    <message>
        <source>This app will connect to this address and send it the arguments of the tool calls you allow.</source>
        <translation>このアプリはこのアドレスに接続し、あなたが許可したツール呼び出しの引数を送ります。</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>これが意味すること</translation>
    </message>
    <message>
        <source>&amp;Command line:</source>
        <translation>コマンドライン(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>アドレス(&amp;A)：</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>コマンドライン</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>環境</translation>
    </message>
    <message>
        <source>{close_key} does not run it. You are asked again if its command line changes.</source>
        <translation>{close_key} で実行しません。コマンドラインが変わった場合は再度確認します。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>実行(&amp;R)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t run</source>
        <translation>実行しない(&amp;D)</translation>
    </message>
    <message>
        <source>Don&apos;t run</source>
        <translation>実行しない</translation>
    </message>
</context>
<context>
    <name>ServerList</name>
    <message>
        <source>Turned off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Waiting for you to confirm</source>
        <translation>確認待ち</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>起動中…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未起動</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>ツール</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>MCP servers</source>
        <translation>MCP サーバー</translation>
    </message>
    <message>
        <source>About the server</source>
        <translation>サーバーについて</translation>
    </message>
    <message>
        <source>No MCP server is configured: edit mcp.json or import a config.</source>
        <translation>MCP サーバーが設定されていません。mcp.json を編集するか、設定をインポートしてください。</translation>
    </message>
    <message>
        <source>Runs: {command_line}</source>
        <translation>実行：{command_line}</translation>
    </message>
    <message>
        <source>Its last words:</source>
        <translation>最後の出力：</translation>
    </message>
    <message>
        <source>Tools: {names}</source>
        <translation>ツール：{names}</translation>
    </message>
</context>
<context>
    <name>Servers</name>
    <message>
        <source>Waiting for you to confirm its command line.</source>
        <translation>コマンドラインの確認を待っています。</translation>
    </message>
    <message>
        <source>Not started: its command line was not confirmed.</source>
        <translation>未起動：コマンドラインが確認されませんでした。</translation>
    </message>
    <message>
        <source>It stopped unexpectedly.</source>
        <translation>予期せず停止しました。</translation>
    </message>
    <message>
        <source>The environment variable</source>
        <translation>環境変数</translation>
    </message>
    <message>
        <source>The header</source>
        <translation>ヘッダー</translation>
    </message>
    <message>
        <source>It stopped; starting it again.</source>
        <translation>停止しました。再起動しています。</translation>
    </message>
    <message>
        <source>Its address {url} answered HTTP {http_status}: it wants credentials (check the headers of its entry, e.g. a token).</source>
        <translation>アドレス {url} が HTTP {http_status} を返しました。認証情報が必要です（エントリの headers、たとえばトークンを確認してください）。</translation>
    </message>
    <message>
        <source>Its address {url} answered HTTP {http_status}.</source>
        <translation>アドレス {url} が HTTP {http_status} を返しました。</translation>
    </message>
    <message>
        <source>The command &quot;{command}&quot; was not found. Is it installed and on the PATH?</source>
        <translation>コマンド「{command}」が見つかりません。インストールされていて PATH 上にありますか？</translation>
    </message>
    <message>
        <source>The command &quot;{command}&quot; could not be run: permission denied.</source>
        <translation>コマンド「{command}」を実行できません：アクセスが拒否されました。</translation>
    </message>
    <message>
        <source>It did not start within the time limit.</source>
        <translation>制限時間内に起動しませんでした。</translation>
    </message>
    <message>
        <source>Its address {url} could not be reached ({__name__}: {exc}).</source>
        <translation>アドレス {url} に接続できません（{__name__}：{exc}）。</translation>
    </message>
    <message>
        <source>It exited while starting.</source>
        <translation>起動中に終了しました。</translation>
    </message>
    <message>
        <source>It refused to start: {exc}</source>
        <translation>起動を拒否しました：{exc}</translation>
    </message>
    <message>
        <source>It failed to start ({__name__}: {exc}).</source>
        <translation>起動に失敗しました（{__name__}：{exc}）。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The thinking budget must be at least {MIN_THINKING_BUDGET} tokens.</source>
        <translation>思考予算は {MIN_THINKING_BUDGET} トークン以上にしてください。</translation>
    </message>
    <message>
        <source>The thinking budget ({thinking_budget}) must be below max tokens ({max_tokens}).</source>
        <translation>思考予算（{thinking_budget}）は最大トークン数（{max_tokens}）未満にしてください。</translation>
    </message>
    <message>
        <source>The model must be a model id such as claude-sonnet-5-5.</source>
        <translation>モデルには claude-sonnet-5-5 のようなモデル ID を指定してください。</translation>
    </message>
    <message>
        <source>{label} must be a whole number from {low} to {high}.</source>
        <translation>{label}は {low} から {high} までの整数にしてください。</translation>
    </message>
    <message>
        <source>{label} must be one of: {join}.</source>
        <translation>{label}は次のいずれかにしてください：{join}。</translation>
    </message>
    <message>
        <source>The base URL must be an http:// or https:// address, such as https://host:8080.</source>
        <translation>ベース URL は https://host:8080 のような http:// または https:// のアドレスにしてください。</translation>
    </message>
    <message>
        <source>{label} must be more than 0 and at most {high:g} seconds.</source>
        <translation>{label}は 0 より大きく {high:g} 秒以下にしてください。</translation>
    </message>
    <message>
        <source>{label} must be true or false.</source>
        <translation>{label}は true か false にしてください。</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大トークン数</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>The thinking budget</source>
        <translation>思考予算</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>努力レベル</translation>
    </message>
    <message>
        <source>The timeout</source>
        <translation>タイムアウト</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>再試行回数</translation>
    </message>
    <message>
        <source>The theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>The language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The chat font size</source>
        <translation>チャットの文字サイズ</translation>
    </message>
    <message>
        <source>Allowing read-only tools without asking</source>
        <translation>確認なしで読み取り専用ツールを許可する設定</translation>
    </message>
    <message>
        <source>The tool time limit</source>
        <translation>ツールの制限時間</translation>
    </message>
    <message>
        <source>Tool rounds per turn</source>
        <translation>1 ターンあたりのツール呼び出し回数</translation>
    </message>
    <message>
        <source>Prompt caching</source>
        <translation>プロンプトキャッシュ</translation>
    </message>
    <message>
        <source>Searches per turn</source>
        <translation>1 ターンあたりの検索回数</translation>
    </message>
    <message>
        <source>Web search</source>
        <translation>ウェブ検索</translation>
    </message>
    <message>
        <source>Could not read {path}: {value}.</source>
        <translation>{path} を読み込めません：{value}。</translation>
    </message>
    <message>
        <source>The settings file is not valid; using the defaults.</source>
        <translation>設定ファイルが無効です。既定値を使います。</translation>
    </message>
    <message>
        <source>The settings file comes from a newer version of the app.</source>
        <translation>設定ファイルはこのアプリの新しいバージョンで作られたものです。</translation>
    </message>
    <message>
        <source>Could not rewrite {path}: {value}.</source>
        <translation>{path} を書き直せません：{value}。</translation>
    </message>
    <message>
        <source>On, 5 minutes</source>
        <translation>オン（5 分）</translation>
    </message>
    <message>
        <source>On, 1 hour (writes cost more)</source>
        <translation>オン（1 時間、書き込み費用は高め）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Web search: only these domains</source>
        <translation>ウェブ検索：これらのドメインのみ</translation>
    </message>
    <message>
        <source>Any domain, e.g. wikipedia.org</source>
        <translation>任意のドメイン（例：wikipedia.org）</translation>
    </message>
    <message>
        <source>Web search: never these domains</source>
        <translation>ウェブ検索：これらのドメインを除外</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Your own prices, if any: %1</source>
        <translation>独自の価格（ある場合）：%1</translation>
    </message>
    <message>
        <source>Where your own prices go</source>
        <translation>独自の価格ファイルの場所</translation>
    </message>
    <message>
        <source>Web search: only</source>
        <translation>ウェブ検索：対象ドメイン</translation>
    </message>
    <message>
        <source>Web search: never</source>
        <translation>ウェブ検索：除外ドメイン</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Adaptive</source>
        <translation>適応型</translation>
    </message>
    <message>
        <source>Enabled, with a budget</source>
        <translation>オン（予算付き）</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>モデルの既定値</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Extra high</source>
        <translation>特高</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大トークン数</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Thinking budget</source>
        <translation>思考予算</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> トークン</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>努力レベル</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>システムプロンプト</translation>
    </message>
    <message>
        <source>Optional: instructions sent with every message</source>
        <translation>任意：すべてのメッセージと一緒に送る指示</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>ベース URL</translation>
    </message>
    <message>
        <source>Default: ANTHROPIC_BASE_URL, else api.anthropic.com</source>
        <translation>既定：ANTHROPIC_BASE_URL、なければ api.anthropic.com</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>リクエストのタイムアウト</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>再試行回数</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Takes effect when the app restarts.</source>
        <translation>アプリの再起動後に反映されます。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Changed for the model</source>
        <translation>モデルに合わせて変更した項目</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>モデル(&amp;M)</translation>
    </message>
    <message>
        <source>Max &amp;tokens</source>
        <translation>最大トークン数(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;hinking</source>
        <translation>思考(&amp;H)</translation>
    </message>
    <message>
        <source>Thinking &amp;budget</source>
        <translation>思考予算(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Effort</source>
        <translation>努力レベル(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;System prompt</source>
        <translation>システムプロンプト(&amp;S)</translation>
    </message>
    <message>
        <source>Base &amp;URL</source>
        <translation>ベース URL(&amp;U)</translation>
    </message>
    <message>
        <source>Request time&amp;out</source>
        <translation>リクエストのタイムアウト(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Retries</source>
        <translation>再試行回数(&amp;R)</translation>
    </message>
    <message>
        <source>Th&amp;eme</source>
        <translation>テーマ(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Language (on restart)</source>
        <translation>言語(&amp;L)（再起動後に反映）</translation>
    </message>
    <message>
        <source>Could not save the settings: {exc}</source>
        <translation>設定を保存できませんでした：{exc}</translation>
    </message>
</context>
<context>
    <name>ShortcutsEditor</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Actions and their shortcuts</source>
        <translation>操作とショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>New shortcut</source>
        <translation>新しいショートカット</translation>
    </message>
    <message>
        <source>Shortcut message</source>
        <translation>ショートカットのメッセージ</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>変更(&amp;C)…</translation>
    </message>
    <message>
        <source>Change the shortcut</source>
        <translation>ショートカットを変更</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the shortcut</source>
        <translation>ショートカットを削除</translation>
    </message>
    <message>
        <source>Reset to &amp;default</source>
        <translation>既定に戻す(&amp;D)</translation>
    </message>
    <message>
        <source>Reset to the default shortcut</source>
        <translation>既定のショートカットに戻す</translation>
    </message>
    <message>
        <source>Reset &amp;all</source>
        <translation>すべてリセット(&amp;A)</translation>
    </message>
    <message>
        <source>Reset all shortcuts to the defaults</source>
        <translation>すべてのショートカットを既定に戻す</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the shortcuts</source>
        <translation>ショートカットを保存</translation>
    </message>
    <message>
        <source>no shortcut</source>
        <translation>ショートカットなし</translation>
    </message>
    <message>
        <source>Changed; the default is {default}</source>
        <translation>変更済み。既定は {default}</translation>
    </message>
    <message>
        <source>Could not save the shortcuts: {exc}</source>
        <translation>ショートカットを保存できませんでした：{exc}</translation>
    </message>
    <message>
        <source>Shortcuts saved.</source>
        <translation>ショートカットを保存しました。</translation>
    </message>
    <message>
        <source>Press the new shortcut for “{title}” ({cancel} cancels):</source>
        <translation>「{title}」の新しいショートカットを押してください（{cancel} でキャンセル）：</translation>
    </message>
    <message>
        <source>The next key pressed becomes the shortcut of {title}</source>
        <translation>次に押したキーが {title} のショートカットになります</translation>
    </message>
    <message>
        <source>“{title}” is now {native_text}.</source>
        <translation>「{title}」は {native_text} になりました。</translation>
    </message>
    <message>
        <source>“{title}” has no shortcut now.</source>
        <translation>「{title}」のショートカットはなくなりました。</translation>
    </message>
    <message>
        <source>“{title}” is back to {shortcuts_text}.</source>
        <translation>「{title}」は {shortcuts_text} に戻りました。</translation>
    </message>
    <message>
        <source>All shortcuts are back to the defaults. Save to keep them.</source>
        <translation>すべてのショートカットを既定に戻しました。保存すると確定します。</translation>
    </message>
    <message>
        <source>Not changed: {reasons}</source>
        <translation>変更されていません：{reasons}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conversations sidebar</source>
        <translation>会話のサイドバー</translation>
    </message>
    <message>
        <source>Search conversations ({search_key})</source>
        <translation>会話を検索（{search_key}）</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>会話を検索</translation>
    </message>
    <message>
        <source>Search every conversation ({search_key})</source>
        <translation>すべての会話を検索（{search_key}）</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>New chat ({new_chat_key})</source>
        <translation>新しいチャット（{new_chat_key}）</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Conversation menu</source>
        <translation>会話メニュー</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>No conversations match “{query}”.</source>
        <translation>「{query}」に一致する会話はありません。</translation>
    </message>
    <message>
        <source>No conversations yet. {new_chat_key} starts one.</source>
        <translation>会話はまだありません。{new_chat_key} で始めます。</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>Waiting for the reply…</source>
        <translation>返信を待っています…</translation>
    </message>
    <message>
        <source>Streaming from {model}…</source>
        <translation>{model} から受信中…</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Streaming…</source>
        <translation>受信中…</translation>
    </message>
    <message>
        <source>A reply is streaming: stop it with {stop_key} first.</source>
        <translation>返信を受信中です。先に {stop_key} で停止してください。</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The app stopped before this reply finished.</source>
        <translation>この返信が終わる前にアプリが停止しました。</translation>
    </message>
</context>
<context>
    <name>StoreErrors</name>
    <message>
        <source>Cannot use the conversations database {path}: {reason}.</source>
        <translation>会話データベース {path} を使用できません：{reason}。</translation>
    </message>
    <message>
        <source>The conversations database {path} is damaged or is not a database ({reason}). It was left untouched: move it aside, or put a backup in its place, and start again.</source>
        <translation>会話データベース {path} が壊れているか、データベースではありません（{reason}）。手を加えていません。別の場所に移すか、バックアップと置き換えてから、もう一度起動してください。</translation>
    </message>
    <message>
        <source>The conversations database {path} is busy: another program is using it ({reason}). Close other copies of desktop-chat and try again.</source>
        <translation>会話データベース {path} は使用中です。別のプログラムが使っています（{reason}）。他の desktop-chat を閉じてから再試行してください。</translation>
    </message>
    <message>
        <source>The conversations database {path} is read-only ({reason}); conversations cannot be saved. Check the permissions of the file and of its folder, and that the disk is not mounted read-only.</source>
        <translation>会話データベース {path} は読み取り専用です（{reason}）。会話を保存できません。ファイルとフォルダーの権限、およびディスクが読み取り専用でマウントされていないかを確認してください。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full ({reason}): the change was not saved. Free some space; what was saved before is intact.</source>
        <translation>{path} のあるディスクがいっぱいです（{reason}）。変更は保存されませんでした。空き容量を確保してください。以前に保存した内容は無事です。</translation>
    </message>
    <message>
        <source>The disk holding {path} failed to write ({reason}): the change was not saved. The disk may have been removed, turned read-only or be failing; what was saved before is intact.</source>
        <translation>{path} のあるディスクへの書き込みに失敗しました（{reason}）。変更は保存されませんでした。ディスクが取り外されたか、読み取り専用になったか、故障しかけている可能性があります。以前に保存した内容は無事です。</translation>
    </message>
    <message>
        <source>Cannot open the conversations database {path} ({reason}). Check that its folder exists and is writable.</source>
        <translation>会話データベース {path} を開けません（{reason}）。フォルダーが存在し、書き込み可能か確認してください。</translation>
    </message>
    <message>
        <source>Conversations database error in {path}: {reason}.</source>
        <translation>会話データベース {path} でエラー：{reason}。</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>{what} {item_id} is not in {path}.</source>
        <translation>{what} {item_id} は {path} にありません。</translation>
    </message>
</context>
<context>
    <name>StoreFiles</name>
    <message>
        <source>The conversations database {path} was deleted or moved while the app was running: nothing more can be saved to it. The conversations open here are still readable; save them again (or export them) before quitting.</source>
        <translation>アプリの実行中に会話データベース {path} が削除または移動されたため、これ以上保存できません。ここで開いている会話は読めます。終了する前に保存し直すか、エクスポートしてください。</translation>
    </message>
    <message>
        <source>The conversations database {path} was replaced by another file while the app was running: nothing more is saved, so as not to write into a file that is not the one opened. Export what you need, then restart the app.</source>
        <translation>アプリの実行中に会話データベース {path} が別のファイルに置き換えられました。開いたものとは違うファイルに書き込まないよう、これ以上は保存しません。必要なものをエクスポートしてから、アプリを再起動してください。</translation>
    </message>
    <message>
        <source>The conversations database {path} is read-only; conversations cannot be saved. Check the permissions of the file.</source>
        <translation>会話データベース {path} は読み取り専用のため、会話を保存できません。ファイルの権限を確認してください。</translation>
    </message>
    <message>
        <source>The folder {parent} is read-only; the conversations database needs to write there (it keeps its journal next to the database). Check its permissions.</source>
        <translation>フォルダー {parent} は読み取り専用です。会話データベースはそこに書き込む必要があります（データベースの隣にジャーナルを置きます）。権限を確認してください。</translation>
    </message>
</context>
<context>
    <name>StreamingText</name>
    <message>
        <source>[{more} more of this part of the reply are not drawn here; they are kept: copy the reply or export it to read them.]</source>
        <translation>[返信のこの部分の残り {more} はここには表示されていません。内容は保持されています。読むには返信をコピーするかエクスポートしてください。]</translation>
    </message>
</context>
<context>
    <name>ToolCards</name>
    <message>
        <source>Tool call: {name} {arguments}</source>
        <translation>ツール呼び出し：{name} {arguments}</translation>
    </message>
    <message>
        <source>allowed once</source>
        <translation>今回だけ許可</translation>
    </message>
    <message>
        <source>allowed for this conversation</source>
        <translation>この会話では許可</translation>
    </message>
    <message>
        <source>always allowed</source>
        <translation>常に許可</translation>
    </message>
    <message>
        <source>allowed by a grant</source>
        <translation>付与済みの許可による</translation>
    </message>
    <message>
        <source>read-only, allowed</source>
        <translation>読み取り専用、許可</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未実行</translation>
    </message>
    <message>
        <source>Error from {name}</source>
        <translation>{name} のエラー</translation>
    </message>
    <message>
        <source>Result of {name}</source>
        <translation>{name} の結果</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>ToolRuntime</name>
    <message>
        <source>Tool servers: {problem}</source>
        <translation>ツールサーバー：{problem}</translation>
    </message>
    <message>
        <source>The tool server “{name}” failed: {message}</source>
        <translation>ツールサーバー「{name}」で障害：{message}</translation>
    </message>
    <message>
        <source> Its last words: {last_words}</source>
        <translation> 最後の出力：{last_words}</translation>
    </message>
</context>
<context>
    <name>ToolsDialog</name>
    <message>
        <source>Import Claude Desktop config</source>
        <translation>Claude Desktop の設定をインポート</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON ファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>インポート済み</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>置き換え済み</translation>
    </message>
    <message>
        <source>Already here with other settings, yours kept</source>
        <translation>設定の異なるものが既にあるため、あなたの設定を残しました</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>既にあります</translation>
    </message>
    <message>
        <source>Not imported: {problems}.</source>
        <translation>インポートされませんでした：{problems}。</translation>
    </message>
    <message>
        <source>The old mcp.json was not valid JSON; it was kept as {kept_aside}.</source>
        <translation>以前の mcp.json は有効な JSON ではなかったため、{kept_aside} として残しました。</translation>
    </message>
    <message>
        <source>No MCP server was found in {source}.</source>
        <translation>{source} に MCP サーバーは見つかりませんでした。</translation>
    </message>
    <message>
        <source>Tools (MCP)</source>
        <translation>ツール（MCP）</translation>
    </message>
    <message>
        <source>Problems in mcp.json</source>
        <translation>mcp.json の問題</translation>
    </message>
    <message>
        <source>&amp;Edit mcp.json…</source>
        <translation>mcp.json を編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit mcp.json</source>
        <translation>mcp.json を編集</translation>
    </message>
    <message>
        <source>&amp;Import Claude Desktop config…</source>
        <translation>Claude Desktop の設定をインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Tools allowed without asking</source>
        <translation>確認なしで使えるツール</translation>
    </message>
    <message>
        <source>Allow &amp;read-only tools without asking</source>
        <translation>確認なしで読み取り専用ツールを許可(&amp;R)</translation>
    </message>
    <message>
        <source>Allow read-only tools without asking</source>
        <translation>確認なしで読み取り専用ツールを許可</translation>
    </message>
    <message>
        <source>Tools marked destructive always ask.</source>
        <translation>破壊的とされたツールは常に確認します。</translation>
    </message>
    <message>
        <source>Call time limit</source>
        <translation>呼び出しの制限時間</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Tool rounds per turn</source>
        <translation>1 ターンあたりのツール呼び出し回数</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Call time &amp;limit</source>
        <translation>呼び出しの制限時間(&amp;L)</translation>
    </message>
    <message>
        <source>Tool r&amp;ounds per turn</source>
        <translation>ツール呼び出し回数(&amp;O)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source> The old file, not valid JSON, was kept as {kept}.</source>
        <translation> 以前のファイルは有効な JSON ではなかったため、{kept} として残しました。</translation>
    </message>
    <message>
        <source>mcp.json saved; the servers are restarted.</source>
        <translation>mcp.json を保存しました。サーバーを再起動します。</translation>
    </message>
    <message>
        <source>Save or discard your changes to mcp.json first.</source>
        <translation>先に mcp.json への変更を保存するか破棄してください。</translation>
    </message>
    <message>
        <source>Nothing imported: mcp.json could not be written ({exc}).</source>
        <translation>何もインポートされませんでした：mcp.json に書き込めません（{exc}）。</translation>
    </message>
    <message>
        <source>Could not save the settings: {exc}</source>
        <translation>設定を保存できませんでした：{exc}</translation>
    </message>
    <message>
        <source>{key} again closes without saving</source>
        <translation>もう一度 {key} を押すと保存せずに閉じます</translation>
    </message>
    <message>
        <source>mcp.json has changes that are not saved: save or discard them ({again}).</source>
        <translation>mcp.json に保存されていない変更があります。保存するか破棄してください（{again}）。</translation>
    </message>
</context>
<context>
    <name>TranscriptEntries</name>
    <message>
        <source>The reply reached the max_tokens limit and was cut here.</source>
        <translation>返信は max_tokens の上限に達し、ここで切れました。</translation>
    </message>
    <message>
        <source>The reply stopped at a stop sequence.</source>
        <translation>返信は停止シーケンスで止まりました。</translation>
    </message>
    <message>
        <source>The API paused this turn; send a message to let it continue.</source>
        <translation>API がこのターンを一時停止しました。続けるにはメッセージを送ってください。</translation>
    </message>
    <message>
        <source>Claude declined to continue this reply.</source>
        <translation>Claude はこの返信を続けることを断りました。</translation>
    </message>
    <message>
        <source>The conversation filled the model&apos;s context window.</source>
        <translation>会話がモデルのコンテキストウィンドウを使い切りました。</translation>
    </message>
    <message>
        <source>The reply failed.</source>
        <translation>返信に失敗しました。</translation>
    </message>
    <message>
        <source>Stopped. The partial reply is kept.</source>
        <translation>停止しました。途中までの返信は保持されています。</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>ツール</translation>
    </message>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>Used the tool “{name}” (run by the API).</source>
        <translation>ツール「{name}」を使用しました（API が実行）。</translation>
    </message>
</context>
<context>
    <name>Turn</name>
    <message>
        <source>Stopped after {_rounds} rounds of tool calls (the limit set in the tools settings). Ask Claude to go on to allow more.</source>
        <translation>ツール呼び出しが {_rounds} 回に達したため停止しました（ツール設定の上限）。さらに許可するには Claude に続けるよう頼んでください。</translation>
    </message>
    <message>
        <source>Retry cancelled. {retry_hint}</source>
        <translation>再試行をキャンセルしました。{retry_hint}</translation>
    </message>
    <message>
        <source>Stopped. The partial reply is kept.</source>
        <translation>停止しました。途中までの返信は保持されています。</translation>
    </message>
    <message>
        <source>Claude asked to use a tool, but no tool server is running here: the next message tells it the tool was not run. Add servers under {tools_key}.</source>
        <translation>Claude がツールを使おうとしましたが、ここではツールサーバーが動いていません。次のメッセージでツールが実行されなかったことを伝えます。サーバーは {tools_key} で追加できます。</translation>
    </message>
    <message>
        <source>{regenerate_key} asks again; {continue_key} carries on from what arrived.</source>
        <translation>{regenerate_key} でもう一度尋ね、{continue_key} で受信済みの内容から続けます。</translation>
    </message>
    <message>
        <source>No API key yet. Add one with {api_key_key} (it goes to your system keychain), set ANTHROPIC_API_KEY, or start with --demo to try the app.</source>
        <translation>API キーがまだありません。{api_key_key} で追加する（システムのキーチェーンに保存されます）か、ANTHROPIC_API_KEY を設定するか、--demo で起動して試してください。</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo delete bar</source>
        <translation>削除の取り消しバー</translation>
    </message>
    <message>
        <source>Deleted conversation</source>
        <translation>削除した会話</translation>
    </message>
    <message>
        <source>Undo ({undo_keys})</source>
        <translation>元に戻す（{undo_keys}）</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>削除を元に戻す</translation>
    </message>
    <message>
        <source>Bring the conversation back ({undo_keys})</source>
        <translation>会話を元に戻す（{undo_keys}）</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>「{name}」を削除しました。</translation>
    </message>
</context>
<context>
    <name>Usage</name>
    <message>
        <source>Cost per period, as bars</source>
        <translation>期間ごとの費用（棒グラフ）</translation>
    </message>
    <message>
        <source>No replies saved yet.</source>
        <translation>保存された返信はまだありません。</translation>
    </message>
    <message>
        <source>Usage and costs</source>
        <translation>使用量と費用</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>日別</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>月別</translation>
    </message>
    <message>
        <source>Reading the saved replies…</source>
        <translation>保存された返信を読み込んでいます…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>返信数</translation>
    </message>
    <message>
        <source>Tokens in / cached / out</source>
        <translation>トークン：入力 / キャッシュ / 出力</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>費用</translation>
    </message>
    <message>
        <source>The saved replies could not be read: %1</source>
        <translation>保存された返信を読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>All saved replies: %1</source>
        <translation>保存されたすべての返信：%1</translation>
    </message>
</context>
<context>
    <name>WebTools</name>
    <message>
        <source>“%1” is not a domain (write it as example.com).</source>
        <translation>「%1」はドメインではありません（example.com のように書いてください）。</translation>
    </message>
    <message>
        <source>Give allowed domains or blocked domains, not both: the API takes one list.</source>
        <translation>許可するドメインか除外するドメインのどちらか一方だけを指定してください。API が受け付けるリストは 1 つだけです。</translation>
    </message>
    <message>
        <source>too many searches at once; the API asks to wait a little</source>
        <translation>同時の検索が多すぎます。API が少し待つよう求めています</translation>
    </message>
    <message>
        <source>the most searches allowed in one turn were used</source>
        <translation>1 ターンで許可された検索回数を使い切りました</translation>
    </message>
    <message>
        <source>the search was not valid</source>
        <translation>検索が無効でした</translation>
    </message>
    <message>
        <source>the search was too long</source>
        <translation>検索語が長すぎました</translation>
    </message>
    <message>
        <source>web search is unavailable just now</source>
        <translation>ウェブ検索は現在利用できません</translation>
    </message>
    <message>
        <source>the request was too large</source>
        <translation>リクエストが大きすぎました</translation>
    </message>
    <message>
        <source>the address was too long</source>
        <translation>アドレスが長すぎました</translation>
    </message>
    <message>
        <source>the address is not in the allowed domains</source>
        <translation>アドレスが許可されたドメインにありません</translation>
    </message>
    <message>
        <source>the page could not be reached</source>
        <translation>ページにアクセスできませんでした</translation>
    </message>
    <message>
        <source>the address did not come from the conversation</source>
        <translation>アドレスが会話中に出てきたものではありません</translation>
    </message>
    <message>
        <source>the page&apos;s kind of content cannot be read</source>
        <translation>ページの内容の種類を読み取れません</translation>
    </message>
    <message>
        <source>the page is too large</source>
        <translation>ページが大きすぎます</translation>
    </message>
    <message>
        <source>the web tool failed (%1)</source>
        <translation>ウェブツールが失敗しました（%1）</translation>
    </message>
    <message>
        <source>Searching: %1</source>
        <translation>検索中：%1</translation>
    </message>
    <message>
        <source>Reading: %1</source>
        <translation>読み込み中：%1</translation>
    </message>
    <message>
        <source>Searched: %1</source>
        <translation>検索済み：%1</translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation>読み込み済み：%1</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 件の結果</translation>
    </message>
    <message>
        <source>{count} results</source>
        <translation>{count} 件の結果</translation>
    </message>
    <message>
        <source>%1 does not offer web search.</source>
        <translation>%1 はウェブ検索に対応していません。</translation>
    </message>
</context>
</TS>
