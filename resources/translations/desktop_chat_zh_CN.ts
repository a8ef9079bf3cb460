<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Announcer</name>
    <message>
        <source>The reply failed: {reason}</source>
        <translation>回复失败：{reason}</translation>
    </message>
    <message>
        <source>Claude replied: {text}</source>
        <translation>Claude 回复：{text}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Keyboard shortcuts: {problem}</source>
        <translation>键盘快捷键：{problem}</translation>
    </message>
    <message>
        <source>Settings: {problem}</source>
        <translation>设置：{problem}</translation>
    </message>
    <message>
        <source>The app stopped in the middle of this reply; what arrived is kept.</source>
        <translation>应用在这条回复的中途停止了；已收到的内容都保留着。</translation>
    </message>
    <message>
        <source>Demo mode: replies come from {base_url}</source>
        <translation>演示模式：回复来自 {base_url}</translation>
    </message>
    <message>
        <source>No API key found. Add one with {api_key_key}, set ANTHROPIC_API_KEY, or start with --demo to try the app without one.</source>
        <translation>未找到 API 密钥。请用 {api_key_key} 添加一个，或设置 ANTHROPIC_API_KEY，或者用 --demo 启动，无需密钥即可试用本应用。</translation>
    </message>
    <message>
        <source>Conversations cannot be saved: {exc} This session is kept in memory only.</source>
        <translation>无法保存对话：{exc} 本次会话只保存在内存中。</translation>
    </message>
</context>
<context>
    <name>AppLog</name>
    <message>
        <source> Details are in {where}.</source>
        <translation> 详细信息见 {where}。</translation>
    </message>
    <message>
        <source>Something went wrong ({what}). The app carries on.{logged}</source>
        <translation>出现了问题（{what}）。应用会继续运行。{logged}</translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <source>reaches outside this machine</source>
        <translation>会访问本机以外的资源</translation>
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
        <translation>1 个字符</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} 个字符</translation>
    </message>
    <message>
        <source>{lines}, {characters}</source>
        <translation>{lines}，{characters}</translation>
    </message>
    <message>
        <source>Run “{value}” from {server}?</source>
        <translation>要运行 {server} 上的“{value}”吗？</translation>
    </message>
    <message>
        <source>Claude wants to run a tool.</source>
        <translation>Claude 想要运行一个工具。</translation>
    </message>
    <message>
        <source>What is asked</source>
        <translation>请求内容</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source> — the server calls it {tool}</source>
        <translation> — 服务器称之为 {tool}</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>The server gave no description.</source>
        <translation>服务器没有提供描述。</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>未提供</translation>
    </message>
    <message>
        <source>Hints from the server</source>
        <translation>服务器给出的提示</translation>
    </message>
    <message>
        <source>Destructive: the server marks this tool as one that may delete or overwrite things. It asks every time; {accept_key} denies.</source>
        <translation>破坏性操作：服务器将此工具标记为可能删除或覆盖内容。每次都会询问；{accept_key} 表示拒绝。</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Ar&amp;guments, in full ({size}; scroll to read all of them):</source>
        <translation>完整参数(&amp;G)（{size}；滚动可查看全部）：</translation>
    </message>
    <message>
        <source>Ar&amp;guments, in full ({size}):</source>
        <translation>完整参数(&amp;G)（{size}）：</translation>
    </message>
    <message>
        <source>Size of the arguments</source>
        <translation>参数大小</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>The full arguments as JSON, {size}</source>
        <translation>完整参数（JSON），{size}</translation>
    </message>
    <message>
        <source>Allow &amp;once</source>
        <translation>允许一次(&amp;O)</translation>
    </message>
    <message>
        <source>Allow once</source>
        <translation>允许一次</translation>
    </message>
    <message>
        <source>Allow for this &amp;conversation</source>
        <translation>在此对话中允许(&amp;C)</translation>
    </message>
    <message>
        <source>Allow for this conversation</source>
        <translation>在此对话中允许</translation>
    </message>
    <message>
        <source>&amp;Always allow this tool</source>
        <translation>始终允许此工具(&amp;A)</translation>
    </message>
    <message>
        <source>Always allow this tool</source>
        <translation>始终允许此工具</translation>
    </message>
    <message>
        <source>&amp;Deny</source>
        <translation>拒绝(&amp;D)</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Reason for denying</source>
        <translation>拒绝理由</translation>
    </message>
    <message>
        <source>Optional: why not (Claude reads this)</source>
        <translation>可选：为什么不允许（Claude 会读到）</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>{close_key} denies without a reason.</source>
        <translation>{close_key} 表示不说明理由直接拒绝。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Tool:</source>
        <translation>工具：</translation>
    </message>
    <message>
        <source>What it does:</source>
        <translation>作用：</translation>
    </message>
    <message>
        <source>Hints:</source>
        <translation>提示：</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>unnamed</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{name} is {size}: a request to the API holds at most {limit}. Attach a smaller file, or split it.</source>
        <translation>{name} 大小为 {size}：一次 API 请求最多容纳 {limit}。请附加较小的文件，或将其拆分。</translation>
    </message>
    <message>
        <source>{name} is empty: there is nothing to attach.</source>
        <translation>{name} 是空文件：没有可附加的内容。</translation>
    </message>
    <message>
        <source>{name} is an encrypted (password-protected) PDF, which the API cannot read. Save a copy without the password and attach that.</source>
        <translation>{name} 是加密（受密码保护）的 PDF，API 无法读取。请另存一份不带密码的副本并附加它。</translation>
    </message>
    <message>
        <source>{name} is not a whole PDF (it is cut short or damaged). Save or download it again and attach the new copy.</source>
        <translation>{name} 不是完整的 PDF（内容被截断或已损坏）。请重新保存或下载，并附加新的副本。</translation>
    </message>
    <message>
        <source>{name} has {pages} pages; the API reads at most {limit} pages of a PDF. Attach the pages that matter (print them to a new PDF).</source>
        <translation>{name} 共 {pages} 页；API 最多读取 PDF 的 {limit} 页。请只附加需要的页面（将其打印为新的 PDF）。</translation>
    </message>
    <message>
        <source>{name} is not a valid image: its header is damaged. Open it in an image editor, save it again as PNG or JPEG, and attach that.</source>
        <translation>{name} 不是有效的图片：文件头已损坏。请在图片编辑器中打开，重新保存为 PNG 或 JPEG，然后附加它。</translation>
    </message>
    <message>
        <source>{name} is {width}×{height} px, far beyond what can be sent. Scale it down in an image editor first.</source>
        <translation>{name} 为 {width}×{height} 像素，远超可发送的上限。请先在图片编辑器中缩小。</translation>
    </message>
    <message>
        <source>{name} is {size} of text; a text document may be at most {limit}. Attach the part that matters.</source>
        <translation>{name} 包含 {size} 的文本；文本文档最多 {limit}。请只附加需要的部分。</translation>
    </message>
    <message>
        <source>{name} is neither an image (JPEG, PNG, GIF, WebP), a PDF, nor UTF-8 text, so Claude cannot read it. Convert it to one of those and attach that.</source>
        <translation>{name} 既不是图片（JPEG、PNG、GIF、WebP）、PDF，也不是 UTF-8 文本，Claude 无法读取。请将其转换为其中一种格式后再附加。</translation>
    </message>
    <message>
        <source>{model} does not take images. Remove the image, or choose a model that does in Settings; your text is kept.</source>
        <translation>{model} 不支持图片。请移除图片，或在设置中选择支持图片的模型；你输入的文字会保留。</translation>
    </message>
    <message>
        <source>{model} does not read PDFs. Remove the PDF, or choose a model that does in Settings; your text is kept.</source>
        <translation>{model} 无法读取 PDF。请移除该 PDF，或在设置中选择支持 PDF 的模型；你输入的文字会保留。</translation>
    </message>
    <message>
        <source>{name} is {size} once encoded; the API takes images of at most {limit}. Save it smaller (JPEG, or fewer pixels) and attach that.</source>
        <translation>{name} 编码后为 {size}；API 接受的图片最大为 {limit}。请将其另存为更小的文件（JPEG 或更少像素）后再附加。</translation>
    </message>
    <message>
        <source>{name} is {width}×{height} px; with {count} images in a request the API takes at most {side} px a side. Send fewer images at once.</source>
        <translation>{name} 为 {width}×{height} 像素；一次请求包含 {count} 张图片时，API 接受的每边最多 {side} 像素。请减少一次发送的图片数量。</translation>
    </message>
    <message>
        <source>The attachments come to {size} once encoded, and a request to the API holds at most {limit}. Remove some, or send them in separate messages.</source>
        <translation>附件编码后共 {size}，而一次 API 请求最多容纳 {limit}。请移除部分附件，或分多条消息发送。</translation>
    </message>
    <message>
        <source>An attachment&apos;s base64 data is damaged.</source>
        <translation>某个附件的 base64 数据已损坏。</translation>
    </message>
    <message>
        <source>An attachment says it is {said} but its bytes are {found}.</source>
        <translation>某个附件声明为 {said}，但其内容实际是 {found}。</translation>
    </message>
    <message>
        <source>{name} could not be uploaded to the Files API ({reason}). Nothing was sent; try again, or remove it.</source>
        <translation>{name} 无法上传到 Files API（{reason}）。未发送任何内容；请重试，或将其移除。</translation>
    </message>
    <message>
        <source>An attachment of this conversation is missing from the database, so it cannot be sent. Edit the question and attach the file again.</source>
        <translation>此对话的某个附件在数据库中缺失，因此无法发送。请编辑问题并重新附加该文件。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Images, PDFs, text (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt *.md *.csv *.log *.py);;All files (*)</source>
        <translation>图片、PDF、文本 (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt *.md *.csv *.log *.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Still reading attachments; send again in a moment.</source>
        <translation>仍在读取附件；请稍后再发送。</translation>
    </message>
    <message>
        <source>This attachment is missing from the database.</source>
        <translation>数据库中缺少此附件。</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attachment {name}, {facts}</source>
        <translation>附件 {name}，{facts}</translation>
    </message>
    <message>
        <source>{name}
{facts}
Delete removes it; Enter opens it.</source>
        <translation>{name}
{facts}
按 Delete 移除；按 Enter 打开。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Reading 1 file…</source>
        <translation>正在读取 1 个文件…</translation>
    </message>
    <message>
        <source>Reading {count} files…</source>
        <translation>正在读取 {count} 个文件…</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} 页</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>{width}×{height} px</source>
        <translation>{width}×{height} 像素</translation>
    </message>
    <message>
        <source>~{tokens} tokens</source>
        <translation>约 {tokens} token</translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>{name} is not a valid image: it cannot be decoded. Open it in an image editor, save it again as PNG or JPEG, and attach that.</source>
        <translation>{name} 不是有效的图片：无法解码。请在图片编辑器中打开，重新保存为 PNG 或 JPEG，然后附加它。</translation>
    </message>
    <message>
        <source>{name} cannot be read ({reason}).</source>
        <translation>无法读取 {name}（{reason}）。</translation>
    </message>
    <message>
        <source>An attachment is missing from the database.</source>
        <translation>数据库中缺少某个附件。</translation>
    </message>
    <message>
        <source>The file could not be attached ({reason}).</source>
        <translation>无法附加该文件（{reason}）。</translation>
    </message>
    <message>
        <source>Image {title}, {width} by {height} pixels</source>
        <translation>图片 {title}，{width} × {height} 像素</translation>
    </message>
    <message>
        <source>+ and - zoom, 0 fits, 1 is actual size, Esc closes</source>
        <translation>+ 和 - 缩放，0 适应窗口，1 为实际大小，Esc 关闭</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>This conversation could not be saved: {exc}</source>
        <translation>无法保存此对话：{exc}</translation>
    </message>
    <message>
        <source>1 message of this conversation</source>
        <translation>此对话的 1 条消息</translation>
    </message>
    <message>
        <source>{count} messages of this conversation</source>
        <translation>此对话的 {count} 条消息</translation>
    </message>
    <message>
        <source>the title and shown path of this conversation</source>
        <translation>此对话的标题和显示的分支</translation>
    </message>
    <message>
        <source>Not saved yet: {what}. It is kept in memory and saved as soon as the database can be written again. {value}</source>
        <translation>尚未保存：{what}。它保存在内存中，一旦数据库可以写入就会保存。{value}</translation>
    </message>
</context>
<context>
    <name>Bill</name>
    <message>
        <source>Input read from cache</source>
        <translation>从缓存读取的输入</translation>
    </message>
    <message>
        <source>Cache written 5 min / 1 h</source>
        <translation>写入缓存 5 分钟 / 1 小时</translation>
    </message>
    <message>
        <source>Cost of this reply</source>
        <translation>这条回复的费用</translation>
    </message>
    <message>
        <source>Web searches / pages read</source>
        <translation>网络搜索 / 已读网页</translation>
    </message>
    <message>
        <source>Cost of this conversation</source>
        <translation>此对话的费用</translation>
    </message>
    <message>
        <source>Conversation input from cache</source>
        <translation>对话中从缓存读取的输入</translation>
    </message>
</context>
<context>
    <name>Capabilities</name>
    <message>
        <source>This model</source>
        <translation>此模型</translation>
    </message>
    <message>
        <source>{name} cannot carry on a cut reply where it stopped (it takes no prefill): ask it to go on, or pick another model.</source>
        <translation>{name} 无法从中断处接着写被截断的回复（它不接受预填充）：请让它继续，或换一个模型。</translation>
    </message>
    <message>
        <source>{name} writes at most {limit} tokens: max tokens lowered from {max_tokens}.</source>
        <translation>{name} 最多输出 {limit} 个 token：最大 token 数已从 {max_tokens} 调低。</translation>
    </message>
    <message>
        <source>{name} takes no effort level: using the model&apos;s default.</source>
        <translation>{name} 不支持努力程度：使用模型的默认值。</translation>
    </message>
    <message>
        <source>using “{effort}”.</source>
        <translation>改用“{effort}”。</translation>
    </message>
    <message>
        <source>using the model&apos;s default.</source>
        <translation>使用模型的默认值。</translation>
    </message>
    <message>
        <source>{name} has no “{effort}” effort: {instead}</source>
        <translation>{name} 没有“{effort}”努力程度：{instead}</translation>
    </message>
    <message>
        <source>{name} does not take {value}: {value2} instead.</source>
        <translation>{name} 不支持{value}：改用{value2}。</translation>
    </message>
    <message>
        <source>Thinking budget lowered to {budget}, below max tokens.</source>
        <translation>思考预算已调低到 {budget}，低于最大 token 数。</translation>
    </message>
    <message>
        <source>Max tokens leave no room for a thinking budget: thinking off.</source>
        <translation>最大 token 数不足以容纳思考预算：已关闭思考。</translation>
    </message>
    <message>
        <source>thinking off</source>
        <translation>关闭思考</translation>
    </message>
    <message>
        <source>adaptive thinking</source>
        <translation>自适应思考</translation>
    </message>
    <message>
        <source>thinking with a budget</source>
        <translation>有预算的思考</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Copy code block</source>
        <translation>复制代码块</translation>
    </message>
    <message>
        <source>Code copied</source>
        <translation>代码已复制</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>复制消息</translation>
    </message>
    <message>
        <source>Message copied</source>
        <translation>消息已复制</translation>
    </message>
    <message>
        <source>Reply copied</source>
        <translation>回复已复制</translation>
    </message>
</context>
<context>
    <name>Citations</name>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>Client</name>
    <message>
        <source>Nothing has arrived yet after {round} s; {stop_key} stops waiting.</source>
        <translation>已等待 {round} 秒仍未收到任何内容；按 {stop_key} 停止等待。</translation>
    </message>
    <message>
        <source>The server ended the response without sending any of the reply.</source>
        <translation>服务器在发送任何回复内容之前就结束了响应。</translation>
    </message>
    <message>
        <source>The connection ended before the reply was complete.</source>
        <translation>回复完成之前连接就断开了。</translation>
    </message>
    <message>
        <source> The server sent an HTML page{said}; a proxy or the base URL answered, not the API.</source>
        <translation> 服务器发来的是一个 HTML 页面{said}；应答的是代理或基础 URL，而不是 API。</translation>
    </message>
    <message>
        <source>an unknown kind of body</source>
        <translation>未知类型的内容</translation>
    </message>
    <message>
        <source>an HTML page</source>
        <translation>一个 HTML 页面</translation>
    </message>
    <message>
        <source>The server sent {what} (HTTP {status}) instead of the reply{said}. Something between this app and the API (a proxy, or the base URL) answered.</source>
        <translation>服务器发来的是{what}（HTTP {status}），而不是回复{said}。应答的是本应用与 API 之间的某个东西（代理或基础 URL）。</translation>
    </message>
    <message>
        <source>The API refused the request: {detail}</source>
        <translation>API 拒绝了请求：{detail}</translation>
    </message>
    <message>
        <source>The API key was not accepted. Check or replace it in Settings.</source>
        <translation>API 密钥未被接受。请在设置中检查或更换。</translation>
    </message>
    <message>
        <source>The account has no credit left for the API (402): {detail} Add credit, then retry.</source>
        <translation>该账户的 API 余额已用完（402）：{detail} 请充值后重试。</translation>
    </message>
    <message>
        <source>This API key may not use that: {detail}</source>
        <translation>此 API 密钥无权进行该操作：{detail}</translation>
    </message>
    <message>
        <source>Not found: {detail} (is the model name right?)</source>
        <translation>未找到：{detail}（模型名称正确吗？）</translation>
    </message>
    <message>
        <source>The request is too large for the API. Start a new conversation or shorten it.</source>
        <translation>请求对 API 来说太大了。请新建对话或缩短内容。</translation>
    </message>
    <message>
        <source>Rate limit reached: {detail}</source>
        <translation>已达到速率限制：{detail}</translation>
    </message>
    <message>
        <source>The API took too long to answer (HTTP 504). Try again.</source>
        <translation>API 响应超时（HTTP 504）。请重试。</translation>
    </message>
    <message>
        <source>The API is overloaded right now. Try again shortly.</source>
        <translation>API 当前过载。请稍后重试。</translation>
    </message>
    <message>
        <source>The API is overloaded right now.</source>
        <translation>API 当前过载。</translation>
    </message>
    <message>
        <source>Rate limit reached.</source>
        <translation>已达到速率限制。</translation>
    </message>
    <message>
        <source>The API had an internal error.</source>
        <translation>API 发生内部错误。</translation>
    </message>
    <message>
        <source> What arrived is kept.</source>
        <translation> 已收到的内容都保留着。</translation>
    </message>
    <message>
        <source>The API reported an error: {detail}.</source>
        <translation>API 报告了一个错误：{detail}。</translation>
    </message>
    <message>
        <source>The API failed (HTTP {status}). Try again.</source>
        <translation>API 出错（HTTP {status}）。请重试。</translation>
    </message>
    <message>
        <source>The API refused the request (HTTP {status}): {detail}</source>
        <translation>API 拒绝了请求（HTTP {status}）：{detail}</translation>
    </message>
    <message>
        <source>The server{where} redirects in a loop, so the API was never reached. Check the base URL in Settings (or the proxy).</source>
        <translation>服务器{where}陷入重定向循环，请求始终没有到达 API。请检查设置中的基础 URL（或代理）。</translation>
    </message>
    <message>
        <source>Could not reach the API. Check your network connection (or the base URL).</source>
        <translation>无法连接到 API。请检查网络连接（或基础 URL）。</translation>
    </message>
    <message>
        <source>The reply failed: {__name__}.</source>
        <translation>回复失败：{__name__}。</translation>
    </message>
    <message>
        <source>no details given</source>
        <translation>未提供详细信息</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source> · unavailable now</source>
        <translation> · 当前不可用</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <source>Search commands</source>
        <translation>搜索命令</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>输入命令…</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>No command matches.</source>
        <translation>没有匹配的命令。</translation>
    </message>
    <message>
        <source>No command matches</source>
        <translation>没有匹配的命令</translation>
    </message>
    <message>
        <source>, unavailable now</source>
        <translation>，当前不可用</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>A reply is still streaming: {stop_key} stops it.</source>
        <translation>仍有回复正在传输：按 {stop_key} 停止。</translation>
    </message>
    <message>
        <source>Edit cancelled.</source>
        <translation>已取消编辑。</translation>
    </message>
    <message>
        <source>Editing your last question: {send_key} sends it (the earlier version stays as a branch), {stop_key} cancels.</source>
        <translation>正在编辑你的上一个问题：{send_key} 发送（之前的版本会作为分支保留），{stop_key} 取消。</translation>
    </message>
    <message>
        <source>No reply to copy yet.</source>
        <translation>还没有可复制的回复。</translation>
    </message>
    <message>
        <source>The last reply has no code block.</source>
        <translation>上一条回复中没有代码块。</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>还没有可导出的内容。</translation>
    </message>
    <message>
        <source>Conversations are not being saved.</source>
        <translation>对话未被保存。</translation>
    </message>
    <message>
        <source>all conversations</source>
        <translation>所有对话</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>[Pasted text #{number}: {size}, 1 line]</source>
        <translation>[粘贴的文本 #{number}：{size}，1 行]</translation>
    </message>
    <message>
        <source>[Pasted text #{number}: {size}, {lines} lines]</source>
        <translation>[粘贴的文本 #{number}：{size}，{lines} 行]</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>MCP server &quot;{server}&quot;, field &quot;{field}&quot;: {reason}</source>
        <translation>MCP 服务器“{server}”，字段“{field}”：{reason}</translation>
    </message>
    <message>
        <source>MCP server &quot;{server}&quot;: {reason}</source>
        <translation>MCP 服务器“{server}”：{reason}</translation>
    </message>
    <message>
        <source>must be an object of names to text values</source>
        <translation>必须是由名称到文本值组成的对象</translation>
    </message>
    <message>
        <source>must be text (put numbers in quotes)</source>
        <translation>必须是文本（数字请加引号）</translation>
    </message>
    <message>
        <source>&quot;keychain:&quot; needs a name after it</source>
        <translation>&quot;keychain:&quot; 后面需要一个名称</translation>
    </message>
    <message>
        <source>the server needs a non-empty name</source>
        <translation>服务器需要一个非空的名称</translation>
    </message>
    <message>
        <source>the name is longer than {MAX_NAME_LENGTH} characters</source>
        <translation>名称超过了 {MAX_NAME_LENGTH} 个字符</translation>
    </message>
    <message>
        <source>the name contains control characters</source>
        <translation>名称包含控制字符</translation>
    </message>
    <message>
        <source>must be a non-empty text</source>
        <translation>必须是非空文本</translation>
    </message>
    <message>
        <source>must be an http:// or https:// address</source>
        <translation>必须是 http:// 或 https:// 地址</translation>
    </message>
    <message>
        <source>the entry must be an object ({...})</source>
        <translation>条目必须是一个对象（{...}）</translation>
    </message>
    <message>
        <source>&quot;{kind}&quot; is not a transport this app speaks (use &quot;stdio&quot; or &quot;http&quot;)</source>
        <translation>&quot;{kind}&quot; 不是本应用支持的传输方式（请用 &quot;stdio&quot; 或 &quot;http&quot;）</translation>
    </message>
    <message>
        <source>the old SSE transport is not supported; use the server&apos;s streamable-HTTP URL</source>
        <translation>不支持旧的 SSE 传输方式；请使用服务器的 streamable-HTTP URL</translation>
    </message>
    <message>
        <source>an entry has a command or a url, not both</source>
        <translation>一个条目只能有 command 或 url 之一，不能两者都有</translation>
    </message>
    <message>
        <source>missing: give a command (stdio) or a url (HTTP)</source>
        <translation>缺少：请给出 command（stdio）或 url（HTTP）</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be a list of texts</source>
        <translation>必须是文本列表</translation>
    </message>
    <message>
        <source>{path}: the file must hold an object</source>
        <translation>{path}：文件必须包含一个对象</translation>
    </message>
    <message>
        <source>{path}: &quot;mcpServers&quot; must be an object</source>
        <translation>{path}：&quot;mcpServers&quot; 必须是一个对象</translation>
    </message>
    <message>
        <source>{path} could not be read: {exc}</source>
        <translation>无法读取 {path}：{exc}</translation>
    </message>
    <message>
        <source>{path} is not valid JSON (line {lineno}, column {colno}: {msg}); no MCP server was loaded from it</source>
        <translation>{path} 不是有效的 JSON（第 {lineno} 行，第 {colno} 列：{msg}）；没有从中加载任何 MCP 服务器</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个 token</translation>
    </message>
    <message>
        <source>%1 / %2 tokens (%3%)</source>
        <translation>%1 / %2 个 token（%3%）</translation>
    </message>
    <message>
        <source>This message would not fit: the conversation and the draft are %1 tokens, and the model reads at most %2. Nothing was sent. Start a new conversation from a summary of this one, or shorten the draft.</source>
        <translation>这条消息放不下：对话加上草稿共 %1 个 token，而模型最多只能读取 %2 个。未发送任何内容。请根据此对话的摘要新建对话，或缩短草稿。</translation>
    </message>
    <message>
        <source>Summarise the conversation below so that we can go on from it here: the facts, decisions and open questions, briefly.</source>
        <translation>请总结下面的对话，以便我们在这里接着进行：简要列出其中的事实、决定和未解决的问题。</translation>
    </message>
    <message>
        <source>(%1 starts one.)</source>
        <translation>（按 %1 即可从摘要新建对话。）</translation>
    </message>
    <message>
        <source>Context window used</source>
        <translation>上下文窗口用量</translation>
    </message>
    <message>
        <source>Web search on</source>
        <translation>网络搜索已开启</translation>
    </message>
    <message>
        <source>%1 with the draft</source>
        <translation>%1（含草稿）</translation>
    </message>
    <message>
        <source>%1: over the model&apos;s limit</source>
        <translation>%1：超出模型上限</translation>
    </message>
    <message>
        <source>%1: nearly full</source>
        <translation>%1：即将占满</translation>
    </message>
    <message>
        <source>How much of the model&apos;s context window the next request fills. Exact after each reply; the draft is counted by the API as you pause.</source>
        <translation>下一次请求会占用模型上下文窗口的多少。每次回复后为精确值；草稿会在你停止输入时由 API 计数。</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>The conversations database was saved again.</source>
        <translation>对话数据库已重新保存。</translation>
    </message>
    <message>
        <source>There is no reply to regenerate yet.</source>
        <translation>还没有可重新生成的回复。</translation>
    </message>
    <message>
        <source>Only a reply that stopped short can be continued.</source>
        <translation>只有中途停止的回复才能继续。</translation>
    </message>
    <message>
        <source>{reason} ({regenerate_key} asks again.)</source>
        <translation>{reason}（{regenerate_key} 重新提问。）</translation>
    </message>
    <message>
        <source>There is no refused exchange to leave out.</source>
        <translation>没有可以排除的被拒绝的对话。</translation>
    </message>
</context>
<context>
    <name>ConversationDelegates</name>
    <message>
        <source>Conversation title</source>
        <translation>对话标题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>ConversationLoader</name>
    <message>
        <source>This conversation has {messages:,} messages, more than any model can read back: it can be read and exported here, but not continued.</source>
        <translation>此对话有 {messages:,} 条消息，超出了任何模型能读取的范围：可以在这里阅读和导出，但无法继续。</translation>
    </message>
    <message>
        <source>This conversation could not be read whole: {exc}</source>
        <translation>无法完整读取此对话：{exc}</translation>
    </message>
</context>
<context>
    <name>ConversationModels</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Today {clock}</source>
        <translation>今天 {clock}</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
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
        <translation>变体</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>{kind} {variant} of {variants}: {keys} to see the others.</source>
        <translation>{kind} {variant}/{variants}：按 {keys} 查看其他。</translation>
    </message>
    <message>
        <source>This exchange is left out of what is sent to Claude.</source>
        <translation>这一轮对话不会发送给 Claude。</translation>
    </message>
    <message>
        <source>{edit_last_key} edits your question; {drop_refused_key} leaves this exchange out of what is sent next (the API asks for one or the other).</source>
        <translation>{edit_last_key} 编辑你的问题；{drop_refused_key} 把这一轮对话从下次发送的内容中排除（API 要求二选一）。</translation>
    </message>
    <message>
        <source>{continue_key} continues this reply.</source>
        <translation>{continue_key} 继续这条回复。</translation>
    </message>
    <message>
        <source>{regenerate_key} asks again.</source>
        <translation>{regenerate_key} 重新提问。</translation>
    </message>
</context>
<context>
    <name>Costs</name>
    <message>
        <source>price unknown</source>
        <translation>价格未知</translation>
    </message>
    <message>
        <source>%1 + price unknown</source>
        <translation>%1 + 价格未知</translation>
    </message>
    <message>
        <source>No price known for: %1</source>
        <translation>以下项目没有已知价格：%1</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>cache write 5 min</source>
        <translation>缓存写入 5 分钟</translation>
    </message>
    <message>
        <source>cache write 1 h</source>
        <translation>缓存写入 1 小时</translation>
    </message>
    <message>
        <source>cache read</source>
        <translation>缓存读取</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 per million tokens: %2</source>
        <translation>%1 每百万 token 的价格：%2</translation>
    </message>
    <message>
        <source>Checked %1; source: %2</source>
        <translation>核对日期 %1；来源：%2</translation>
    </message>
    <message>
        <source>Your own prices file changes some of them.</source>
        <translation>其中部分价格已被你的自定义价格文件修改。</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>unlock the keychain and try again, set ANTHROPIC_API_KEY in the environment, or keep the key for this session only</source>
        <translation>解锁钥匙串后重试，在环境变量中设置 ANTHROPIC_API_KEY，或者只在本次会话中使用此密钥</translation>
    </message>
    <message>
        <source>No usable keychain: {reason}. You can {CHOICES}.</source>
        <translation>没有可用的钥匙串：{reason}。你可以{CHOICES}。</translation>
    </message>
    <message>
        <source>The key is empty.</source>
        <translation>密钥为空。</translation>
    </message>
    <message>
        <source>The key contains spaces or line breaks; paste it as one word.</source>
        <translation>密钥中含有空格或换行；请作为一个整体粘贴。</translation>
    </message>
    <message>
        <source>The key contains characters that are not plain ASCII letters, digits or signs.</source>
        <translation>密钥中含有非 ASCII 字母、数字或符号的字符。</translation>
    </message>
    <message>
        <source>The key is longer than {_MAX_KEY_LENGTH} characters.</source>
        <translation>密钥超过了 {_MAX_KEY_LENGTH} 个字符。</translation>
    </message>
    <message>
        <source>no keychain service was found (on Linux: GNOME Keyring or KWallet over D-Bus)</source>
        <translation>没有找到钥匙串服务（Linux 上：通过 D-Bus 的 GNOME Keyring 或 KWallet）</translation>
    </message>
    <message>
        <source>the keychain is locked and its unlock prompt was dismissed</source>
        <translation>钥匙串已锁定，且解锁提示被关闭了</translation>
    </message>
    <message>
        <source>the keychain is locked</source>
        <translation>钥匙串已锁定</translation>
    </message>
    <message>
        <source>the Secret Service could not be reached over D-Bus</source>
        <translation>无法通过 D-Bus 连接到 Secret Service</translation>
    </message>
    <message>
        <source>the keychain could not be reached ({detail})</source>
        <translation>无法连接钥匙串（{detail}）</translation>
    </message>
    <message>
        <source>the keychain failed ({detail})</source>
        <translation>钥匙串出错（{detail}）</translation>
    </message>
    <message>
        <source>the keyring backend {module}.{name} keeps secrets in a file, which is refused</source>
        <translation>keyring 后端 {module}.{name} 把机密保存在文件中，已拒绝使用</translation>
    </message>
    <message>
        <source>the keyring backend {module}.{name} is not a recommended keychain (refused)</source>
        <translation>keyring 后端 {module}.{name} 不是推荐的钥匙串（已拒绝）</translation>
    </message>
    <message>
        <source>no keychain service was found</source>
        <translation>没有找到钥匙串服务</translation>
    </message>
    <message>
        <source>the Secret Service keychain</source>
        <translation>Secret Service 钥匙串</translation>
    </message>
    <message>
        <source>the Secret Service keychain (libsecret)</source>
        <translation>Secret Service 钥匙串（libsecret）</translation>
    </message>
    <message>
        <source>KWallet</source>
        <translation>KWallet</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>macOS 钥匙串</translation>
    </message>
    <message>
        <source>the Windows Credential Locker</source>
        <translation>Windows 凭据管理器</translation>
    </message>
    <message>
        <source>the keychain returned something that is not text</source>
        <translation>钥匙串返回的不是文本</translation>
    </message>
    <message>
        <source>the keychain did not keep the key</source>
        <translation>钥匙串没有保存住密钥</translation>
    </message>
    <message>
        <source>An MCP secret needs a name and a value.</source>
        <translation>MCP 机密需要名称和值。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Quit with unsaved messages?</source>
        <translation>有未保存的消息，仍要退出吗？</translation>
    </message>
    <message>
        <source>{unsaved}

If you quit now, what is not saved is lost. Export the conversation first to keep it.</source>
        <translation>{unsaved}

如果现在退出，未保存的内容将会丢失。请先导出对话以保留它。</translation>
    </message>
    <message>
        <source>Quit without saving</source>
        <translation>不保存并退出</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>The draft is too large to keep ({format_size}; the limit is {format_size2}): it will be lost if the app closes.</source>
        <translation>草稿太大，无法保留（{format_size}；上限为 {format_size2}）：如果应用关闭，它将会丢失。</translation>
    </message>
    <message>
        <source>The draft could not be saved: {value}.</source>
        <translation>无法保存草稿：{value}。</translation>
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
        <translation>JSON，可再次导入 (*.json)</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML 页面 (*.html)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Could not export to {path}: {exc}</source>
        <translation>无法导出到 {path}：{exc}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in the conversation</source>
        <translation>在对话中查找</translation>
    </message>
    <message>
        <source>Find  ({find_next_key}: next match, {find_previous_key}: previous)</source>
        <translation>查找（{find_next_key}：下一个，{find_previous_key}：上一个）</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>查找结果</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close find</source>
        <translation>关闭查找</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配</translation>
    </message>
</context>
<context>
    <name>GrantsList</name>
    <message>
        <source>Problems with the permissions</source>
        <translation>权限问题</translation>
    </message>
    <message>
        <source>Revoke &amp;all</source>
        <translation>全部撤销(&amp;A)</translation>
    </message>
    <message>
        <source>Revoke all permissions</source>
        <translation>撤销所有权限</translation>
    </message>
    <message>
        <source>Every tool asks before it runs.</source>
        <translation>每个工具运行前都会询问。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>in every conversation</source>
        <translation>在所有对话中</translation>
    </message>
    <message>
        <source>in “{title}” only</source>
        <translation>仅在“{title}”中</translation>
    </message>
    <message>
        <source>in one conversation only</source>
        <translation>仅在一个对话中</translation>
    </message>
    <message>
        <source> (since {date})</source>
        <translation>（自 {date} 起）</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Revoke: {words}</source>
        <translation>撤销：{words}</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Could not revoke it: {exc}</source>
        <translation>无法撤销：{exc}</translation>
    </message>
    <message>
        <source>Revoked: {words}. It asks again.</source>
        <translation>已撤销：{words}。以后会重新询问。</translation>
    </message>
    <message>
        <source>Could not revoke them all: {exc}</source>
        <translation>无法全部撤销：{exc}</translation>
    </message>
    <message>
        <source>Revoked 1 permission.</source>
        <translation>已撤销 1 项权限。</translation>
    </message>
    <message>
        <source>Revoked {count} permissions.</source>
        <translation>已撤销 {count} 项权限。</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>{key} or a click</source>
        <translation>{key} 或点击一下</translation>
    </message>
    <message>
        <source>A click</source>
        <translation>点击一下</translation>
    </message>
    <message>
        <source>{close} closes this list.</source>
        <translation>{close} 关闭此列表。</translation>
    </message>
    <message>
        <source>  {value} finds any command by name.</source>
        <translation>  {value} 可按名称查找任意命令。</translation>
    </message>
    <message>
        <source>{title}: no shortcut</source>
        <translation>{title}：无快捷键</translation>
    </message>
    <message>
        <source>no shortcut</source>
        <translation>无快捷键</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>{title} text</source>
        <translation>{title} 文本</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <source>Stop reason</source>
        <translation>停止原因</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>缓存读取</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>缓存写入</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>首个 token 用时</translation>
    </message>
    <message>
        <source>Output tokens/s</source>
        <translation>输出 token/秒</translation>
    </message>
    <message>
        <source>Reply details</source>
        <translation>回复详情</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reply details&lt;/b&gt;</source>
        <translation>&lt;b&gt;回复详情&lt;/b&gt;</translation>
    </message>
    <message>
        <source>streaming…</source>
        <translation>传输中…</translation>
    </message>
    <message>
        <source>Thinking {n}</source>
        <translation>思考 {n}</translation>
    </message>
    <message>
        <source>Redacted thinking</source>
        <translation>已编辑的思考</translation>
    </message>
    <message>
        <source>(encrypted by the API; sent back unchanged)</source>
        <translation>（已由 API 加密；原样发回）</translation>
    </message>
    <message>
        <source>Tool use: {name}</source>
        <translation>工具调用：{name}</translation>
    </message>
    <message>
        <source>Tool result: {block_type}</source>
        <translation>工具结果：{block_type}</translation>
    </message>
    <message>
        <source>Unsupported block: {block_type} (kept, sent back unchanged)</source>
        <translation>不支持的块：{block_type}（已保留，原样发回）</translation>
    </message>
    <message>
        <source>{json}

(not valid JSON)</source>
        <translation>{json}

（不是有效的 JSON）</translation>
    </message>
    <message>
        <source>Running: {name}…</source>
        <translation>正在运行：{name}…</translation>
    </message>
    <message>
        <source>Waiting for the tool (or for your answer to its approval).</source>
        <translation>正在等待工具（或等待你对其批准的答复）。</translation>
    </message>
    <message>
        <source>Error from {name}</source>
        <translation>{name} 的错误</translation>
    </message>
    <message>
        <source>Result of {name}</source>
        <translation>{name} 的结果</translation>
    </message>
    <message>
        <source>{raw}

(incomplete JSON: the reply was cut)</source>
        <translation>{raw}

（JSON 不完整：回复被截断了）</translation>
    </message>
    <message>
        <source>none (the reply was cut)</source>
        <translation>无（回复被截断了）</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} 毫秒</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>Add your Anthropic API key</source>
        <translation>添加你的 Anthropic API 密钥</translation>
    </message>
    <message>
        <source>Desktop Chat needs an Anthropic API key to talk to Claude. It is kept in your system&apos;s keychain, never in a file.</source>
        <translation>Desktop Chat 需要 Anthropic API 密钥才能与 Claude 对话。密钥保存在系统的钥匙串中，绝不会写入文件。</translation>
    </message>
    <message>
        <source>About the API key</source>
        <translation>关于 API 密钥</translation>
    </message>
    <message>
        <source>Get a key at &lt;a href=&quot;{url}&quot;&gt;console.anthropic.com&lt;/a&gt; (Settings → API keys).</source>
        <translation>在 &lt;a href=&quot;{url}&quot;&gt;console.anthropic.com&lt;/a&gt; 获取密钥（Settings → API keys）。</translation>
    </message>
    <message>
        <source>Where to get a key</source>
        <translation>在哪里获取密钥</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation>检查并保存</translation>
    </message>
    <message>
        <source>Use for this session only</source>
        <translation>仅在本次会话中使用</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation>隐藏密钥</translation>
    </message>
    <message>
        <source>Checking the key…</source>
        <translation>正在检查密钥…</translation>
    </message>
    <message>
        <source>Saving it in the keychain…</source>
        <translation>正在保存到钥匙串…</translation>
    </message>
    <message>
        <source>That did not work ({__name__}: {exc}).</source>
        <translation>没有成功（{__name__}：{exc}）。</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>撰写</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>在消息中换行</translation>
    </message>
    <message>
        <source>Edit the last question</source>
        <translation>编辑上一个问题</translation>
    </message>
    <message>
        <source>Focus the message box</source>
        <translation>聚焦到消息框</translation>
    </message>
    <message>
        <source>Attach files (images, PDFs, text)…</source>
        <translation>附加文件（图片、PDF、文本）…</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>停止回复</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Regenerate the last reply</source>
        <translation>重新生成上一条回复</translation>
    </message>
    <message>
        <source>Continue a cut-off reply</source>
        <translation>继续被截断的回复</translation>
    </message>
    <message>
        <source>Leave a refused exchange out of what is sent</source>
        <translation>把被拒绝的对话排除在发送内容之外</translation>
    </message>
    <message>
        <source>Show the previous variant</source>
        <translation>显示上一个变体</translation>
    </message>
    <message>
        <source>Show the next variant</source>
        <translation>显示下一个变体</translation>
    </message>
    <message>
        <source>Copy the last reply</source>
        <translation>复制上一条回复</translation>
    </message>
    <message>
        <source>Copy the last code block</source>
        <translation>复制上一个代码块</translation>
    </message>
    <message>
        <source>Find in the conversation</source>
        <translation>在对话中查找</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Find the next match</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <source>Find the previous match</source>
        <translation>查找上一个</translation>
    </message>
    <message>
        <source>Go to the previous message</source>
        <translation>转到上一条消息</translation>
    </message>
    <message>
        <source>Go to the next message</source>
        <translation>转到下一条消息</translation>
    </message>
    <message>
        <source>Export this conversation…</source>
        <translation>导出此对话…</translation>
    </message>
    <message>
        <source>Web search on or off for this chat</source>
        <translation>为此对话开启或关闭网络搜索</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Next chat</source>
        <translation>下一个对话</translation>
    </message>
    <message>
        <source>Previous chat</source>
        <translation>上一个对话</translation>
    </message>
    <message>
        <source>Export all conversations…</source>
        <translation>导出所有对话…</translation>
    </message>
    <message>
        <source>New chat from a summary of this one</source>
        <translation>根据此对话的摘要新建对话</translation>
    </message>
    <message>
        <source>Rename the chat (in the list)</source>
        <translation>重命名对话（在列表中）</translation>
    </message>
    <message>
        <source>Delete the chat (in the list)</source>
        <translation>删除对话（在列表中）</translation>
    </message>
    <message>
        <source>Undo deleting a chat</source>
        <translation>撤销删除对话</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Change keyboard shortcuts…</source>
        <translation>更改键盘快捷键…</translation>
    </message>
    <message>
        <source>Larger chat text</source>
        <translation>放大聊天文字</translation>
    </message>
    <message>
        <source>Smaller chat text</source>
        <translation>缩小聊天文字</translation>
    </message>
    <message>
        <source>Chat text at the usual size</source>
        <translation>聊天文字恢复默认大小</translation>
    </message>
    <message>
        <source>Show or hide the side pane</source>
        <translation>显示或隐藏详情面板</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Tools: MCP servers and permissions…</source>
        <translation>工具：MCP 服务器与权限…</translation>
    </message>
    <message>
        <source>Usage and costs…</source>
        <translation>用量和费用…</translation>
    </message>
    <message>
        <source>Change the API key…</source>
        <translation>更改 API 密钥…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Close a list, a bar or a dialog</source>
        <translation>关闭列表、栏或对话框</translation>
    </message>
    <message>
        <source>Press a dialog&apos;s default button</source>
        <translation>按下对话框的默认按钮</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>The message holds a broken character at position {value} (a lone UTF-16 surrogate, from a bad copy): remove it and send again.</source>
        <translation>消息在第 {value} 个位置有一个损坏的字符（孤立的 UTF-16 代理项，来自错误的复制）：请删除它后再发送。</translation>
    </message>
    <message>
        <source>The message is too large to send: {format_size}, over the limit of {format_size2}. Shorten it: every request carries the whole conversation, and the API takes at most {format_size3} per request.</source>
        <translation>消息太大，无法发送：{format_size}，超过了 {format_size2} 的上限。请缩短它：每次请求都会带上整个对话，而 API 每次请求最多接受 {format_size3}。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>The API did not accept the key. Enter another one.</source>
        <translation>API 不接受此密钥。请输入另一个。</translation>
    </message>
    <message>
        <source>{title} — Desktop Chat</source>
        <translation>{title} — Desktop Chat</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>your system keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>this session only</source>
        <translation>仅本次会话</translation>
    </message>
    <message>
        <source>API key saved to {place}.</source>
        <translation>API 密钥已保存到{place}。</translation>
    </message>
    <message>
        <source>Claude is replying… ({stop_key} to stop)</source>
        <translation>Claude 正在回复…（{stop_key} 停止）</translation>
    </message>
    <message>
        <source>Ask Claude…  ({send_key} to send, {newline_key} for a new line)</source>
        <translation>向 Claude 提问…（{send_key} 发送，{newline_key} 换行）</translation>
    </message>
</context>
<context>
    <name>Manager</name>
    <message>
        <source>Turned off in the settings.</source>
        <translation>已在设置中关闭。</translation>
    </message>
    <message>
        <source>Not started: its command line is not confirmed yet.</source>
        <translation>未启动：其命令行尚未确认。</translation>
    </message>
</context>
<context>
    <name>MarkdownWriter</name>
    <message>
        <source>Copy the code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>[image: {alt}]</source>
        <translation>[图片：{alt}]</translation>
    </message>
    <message>
        <source>[image]</source>
        <translation>[图片]</translation>
    </message>
</context>
<context>
    <name>McpJsonEditor</name>
    <message>
        <source>Why mcp.json was not saved</source>
        <translation>mcp.json 未保存的原因</translation>
    </message>
    <message>
        <source>&amp;Save mcp.json</source>
        <translation>保存 mcp.json(&amp;S)</translation>
    </message>
    <message>
        <source>Save mcp.json</source>
        <translation>保存 mcp.json</translation>
    </message>
    <message>
        <source>Disca&amp;rd changes</source>
        <translation>放弃更改(&amp;R)</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>{path} could not be read: {exc}</source>
        <translation>无法读取 {path}：{exc}</translation>
    </message>
    <message>
        <source>line {lineno}, column {colno}: {msg}</source>
        <translation>第 {lineno} 行，第 {colno} 列：{msg}</translation>
    </message>
    <message>
        <source>Not saved: this is not valid JSON ({where}).</source>
        <translation>未保存：这不是有效的 JSON（{where}）。</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>未保存：</translation>
    </message>
    <message>
        <source>Not saved: {path} could not be written ({exc}).</source>
        <translation>未保存：无法写入 {path}（{exc}）。</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>replying</source>
        <translation>正在回复</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>The conversation, one message at a time</source>
        <translation>对话，逐条消息</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
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
        <translation>Claude：（正在回复）</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>The key was not accepted (401). Check that you copied all of it.</source>
        <translation>密钥未被接受（401）。请确认你复制了完整的密钥。</translation>
    </message>
    <message>
        <source>This key is not allowed to use the API (403). Check its workspace or plan.</source>
        <translation>此密钥无权使用 API（403）。请检查其工作区或套餐。</translation>
    </message>
    <message>
        <source>The server has no model list (404). Is the base URL right?</source>
        <translation>服务器没有模型列表（404）。基础 URL 正确吗？</translation>
    </message>
    <message>
        <source>Too many requests right now (429): the key could not be checked. Try again.</source>
        <translation>当前请求过多（429）：无法检查密钥。请重试。</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP {status_code}). Try again later.</source>
        <translation>服务器返回了错误（HTTP {status_code}）。请稍后重试。</translation>
    </message>
    <message>
        <source>The server did not answer within {CHECK_TIMEOUT_S:g} seconds. Try again.</source>
        <translation>服务器在 {CHECK_TIMEOUT_S:g} 秒内没有响应。请重试。</translation>
    </message>
    <message>
        <source>Could not reach {host}. Check your network connection or the base URL.</source>
        <translation>无法连接到 {host}。请检查网络连接或基础 URL。</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <source>{where}: a price must be a number</source>
        <translation>{where}：价格必须是数字</translation>
    </message>
    <message>
        <source>{where}: a price must be a number of dollars, 0 or more</source>
        <translation>{where}：价格必须是不小于 0 的美元金额</translation>
    </message>
    <message>
        <source>{name} is larger than {size} KB</source>
        <translation>{name} 大于 {size} KB</translation>
    </message>
    <message>
        <source>The price file {name} was not used: {exc}</source>
        <translation>未使用价格文件 {name}：{exc}</translation>
    </message>
    <message>
        <source>Your prices file {path} was not used: {exc}</source>
        <translation>未使用你的自定义价格文件 {path}：{exc}</translation>
    </message>
    <message>
        <source>Your prices file {path} must hold an object of models.</source>
        <translation>你的自定义价格文件 {path} 必须包含一个以模型为键的对象。</translation>
    </message>
    <message>
        <source>{name}: {model} must be an object of prices.</source>
        <translation>{name}：{model} 必须是一个价格对象。</translation>
    </message>
</context>
<context>
    <name>Retry</name>
    <message>
        <source>Overloaded.</source>
        <translation>过载。</translation>
    </message>
    <message>
        <source>Rate limited.</source>
        <translation>受到速率限制。</translation>
    </message>
    <message>
        <source>The API failed.</source>
        <translation>API 出错。</translation>
    </message>
    <message>
        <source>The connection dropped.</source>
        <translation>连接断开了。</translation>
    </message>
    <message>
        <source>The reply stalled.</source>
        <translation>回复停滞了。</translation>
    </message>
    <message>
        <source>The reply was cut short.</source>
        <translation>回复被截断了。</translation>
    </message>
    <message>
        <source>{reason} Retrying now…</source>
        <translation>{reason} 正在重试…</translation>
    </message>
    <message>
        <source>{reason} Retrying in {duration}… ({stop_key} to cancel)</source>
        <translation>{reason} {duration}后重试…（{stop_key} 取消）</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{minutes} min {rest} s</source>
        <translation>{minutes} 分 {rest} 秒</translation>
    </message>
    <message>
        <source>Start a new conversation or remove long attachments (new chat: {new_chat_key}).</source>
        <translation>请新建对话或移除较长的附件（新对话：{new_chat_key}）。</translation>
    </message>
    <message>
        <source>Check the billing of this key&apos;s account in the Anthropic Console, then ask again ({regenerate_key}).</source>
        <translation>请在 Anthropic Console 中检查此密钥所属账户的账单，然后重新提问（{regenerate_key}）。</translation>
    </message>
    <message>
        <source>Check the key ({api_key_key}).</source>
        <translation>请检查密钥（{api_key_key}）。</translation>
    </message>
    <message>
        <source>Pick a model this key may use in Settings ({settings_key}), or use another key ({api_key_key}).</source>
        <translation>请在设置中选择此密钥可用的模型（{settings_key}），或换用其他密钥（{api_key_key}）。</translation>
    </message>
    <message>
        <source>the model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <source>Check {name} in Settings ({settings_key}): it may be misspelled or retired.</source>
        <translation>请在设置中检查{name}（{settings_key}）：它可能拼写有误或已停用。</translation>
    </message>
    <message>
        <source>The API&apos;s reason: {api_reason}</source>
        <translation>API 给出的原因：{api_reason}</translation>
    </message>
    <message>
        <source>Try again in {duration} ({regenerate_key}).</source>
        <translation>请在 {duration}后重试（{regenerate_key}）。</translation>
    </message>
    <message>
        <source>Check the network connection (and the base URL in Settings), then retry ({regenerate_key}).</source>
        <translation>请检查网络连接（以及设置中的基础 URL），然后重试（{regenerate_key}）。</translation>
    </message>
    <message>
        <source>Continue the reply ({continue_key}) or ask again ({regenerate_key}); what arrived is kept.</source>
        <translation>继续回复（{continue_key}）或重新提问（{regenerate_key}）；已收到的内容都保留着。</translation>
    </message>
    <message>
        <source>Retry ({regenerate_key}); if it happens again, something between this app and the API is changing the replies.</source>
        <translation>重试（{regenerate_key}）；如果再次发生，说明本应用与 API 之间的某个东西在篡改回复。</translation>
    </message>
    <message>
        <source>Retry when ready ({regenerate_key}).</source>
        <translation>准备好后重试（{regenerate_key}）。</translation>
    </message>
    <message>
        <source>The API refused the request: </source>
        <translation>API 拒绝了请求：</translation>
    </message>
    <message>
        <source> What arrived is kept.</source>
        <translation> 已收到的内容都保留着。</translation>
    </message>
</context>
<context>
    <name>SafeFiles</name>
    <message>
        <source>Could not keep a copy of {path}: {value}.</source>
        <translation>无法保留 {path} 的副本：{value}。</translation>
    </message>
    <message>
        <source>The old file was kept as {target}.</source>
        <translation>旧文件已另存为 {target}。</translation>
    </message>
</context>
<context>
    <name>SaveBanner</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>What is not saved</source>
        <translation>未保存的内容</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Save the database again</source>
        <translation>重新保存数据库</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save this conversation to a file of your choice</source>
        <translation>把此对话保存到你选择的文件中</translation>
    </message>
</context>
<context>
    <name>SaveKeeper</name>
    <message>
        <source>{value} Other conversations have unsaved messages too.</source>
        <translation>{value} 其他对话也有未保存的消息。</translation>
    </message>
</context>
<context>
    <name>SearchIndex</name>
    <message>
        <source>Search is off: its index is damaged and could not be rebuilt ({reason}). Your conversations are intact; search comes back when the index is rebuilt at the next start.</source>
        <translation>搜索已关闭：其索引已损坏且无法重建（{reason}）。你的对话完好无损；下次启动重建索引后搜索将恢复。</translation>
    </message>
</context>
<context>
    <name>ServerConfirmDialog</name>
    <message>
        <source>No environment variables of its own.</source>
        <translation>没有自己的环境变量。</translation>
    </message>
    <message>
        <source>{name} (from the keychain)</source>
        <translation>{name}（来自钥匙串）</translation>
    </message>
    <message>
        <source>With these environment variables: {names}.</source>
        <translation>使用以下环境变量：{names}。</translation>
    </message>
    <message>
        <source>Run the MCP server “{name}”?</source>
        <translation>运行 MCP 服务器“{name}”吗？</translation>
    </message>
    <message>
        <source>The MCP server “{name}” is new or its command line changed.</source>
        <translation>MCP 服务器“{name}”是新的，或者它的命令行已更改。</translation>
    </message>
    <message>
        <source>What is asked</source>
        <translation>请求内容</translation>
    </message>
    <message>
        <source>This program will run on your computer with your permissions: it can read and change your files and reach the network. Run it only if you trust it.</source>
        <translation>此程序将以你的权限在你的电脑上运行：它可以读取和修改你的文件，并访问网络。只有在你信任它时才运行。</translation>
    </message>
    <message>
        <source>This app will connect to this address and send it the arguments of the tool calls you allow.</source>
        <translation>本应用将连接到此地址，并把你允许的工具调用的参数发送给它。</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>这意味着什么</translation>
    </message>
    <message>
        <source>&amp;Command line:</source>
        <translation>命令行(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>{close_key} does not run it. You are asked again if its command line changes.</source>
        <translation>{close_key} 表示不运行。如果它的命令行发生变化，会再次询问你。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t run</source>
        <translation>不运行(&amp;D)</translation>
    </message>
    <message>
        <source>Don&apos;t run</source>
        <translation>不运行</translation>
    </message>
</context>
<context>
    <name>ServerList</name>
    <message>
        <source>Turned off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Waiting for you to confirm</source>
        <translation>等待你确认</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>MCP servers</source>
        <translation>MCP 服务器</translation>
    </message>
    <message>
        <source>About the server</source>
        <translation>关于此服务器</translation>
    </message>
    <message>
        <source>No MCP server is configured: edit mcp.json or import a config.</source>
        <translation>尚未配置 MCP 服务器：请编辑 mcp.json 或导入配置。</translation>
    </message>
    <message>
        <source>Runs: {command_line}</source>
        <translation>运行：{command_line}</translation>
    </message>
    <message>
        <source>Its last words:</source>
        <translation>它最后的输出：</translation>
    </message>
    <message>
        <source>Tools: {names}</source>
        <translation>工具：{names}</translation>
    </message>
</context>
<context>
    <name>Servers</name>
    <message>
        <source>Waiting for you to confirm its command line.</source>
        <translation>等待你确认它的命令行。</translation>
    </message>
    <message>
        <source>Not started: its command line was not confirmed.</source>
        <translation>未启动：它的命令行未被确认。</translation>
    </message>
    <message>
        <source>It stopped unexpectedly.</source>
        <translation>它意外停止了。</translation>
    </message>
    <message>
        <source>The environment variable</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>The header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>It stopped; starting it again.</source>
        <translation>它停止了；正在重新启动。</translation>
    </message>
    <message>
        <source>Its address {url} answered HTTP {http_status}: it wants credentials (check the headers of its entry, e.g. a token).</source>
        <translation>它的地址 {url} 返回了 HTTP {http_status}：需要凭据（请检查其条目中的 headers，例如令牌）。</translation>
    </message>
    <message>
        <source>Its address {url} answered HTTP {http_status}.</source>
        <translation>它的地址 {url} 返回了 HTTP {http_status}。</translation>
    </message>
    <message>
        <source>The command &quot;{command}&quot; was not found. Is it installed and on the PATH?</source>
        <translation>找不到命令“{command}”。它已安装并在 PATH 中吗？</translation>
    </message>
    <message>
        <source>The command &quot;{command}&quot; could not be run: permission denied.</source>
        <translation>无法运行命令“{command}”：权限被拒绝。</translation>
    </message>
    <message>
        <source>It did not start within the time limit.</source>
        <translation>它没有在时限内启动。</translation>
    </message>
    <message>
        <source>Its address {url} could not be reached ({__name__}: {exc}).</source>
        <translation>无法连接它的地址 {url}（{__name__}：{exc}）。</translation>
    </message>
    <message>
        <source>It exited while starting.</source>
        <translation>它在启动时退出了。</translation>
    </message>
    <message>
        <source>It refused to start: {exc}</source>
        <translation>它拒绝启动：{exc}</translation>
    </message>
    <message>
        <source>It failed to start ({__name__}: {exc}).</source>
        <translation>它启动失败（{__name__}：{exc}）。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The thinking budget must be at least {MIN_THINKING_BUDGET} tokens.</source>
        <translation>思考预算至少需要 {MIN_THINKING_BUDGET} 个 token。</translation>
    </message>
    <message>
        <source>The thinking budget ({thinking_budget}) must be below max tokens ({max_tokens}).</source>
        <translation>思考预算（{thinking_budget}）必须小于最大 token 数（{max_tokens}）。</translation>
    </message>
    <message>
        <source>The model must be a model id such as claude-sonnet-5-5.</source>
        <translation>模型必须是一个模型 ID，例如 claude-sonnet-5-5。</translation>
    </message>
    <message>
        <source>{label} must be a whole number from {low} to {high}.</source>
        <translation>{label}必须是 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>{label} must be one of: {join}.</source>
        <translation>{label}必须是以下之一：{join}。</translation>
    </message>
    <message>
        <source>The base URL must be an http:// or https:// address, such as https://host:8080.</source>
        <translation>基础 URL 必须是 http:// 或 https:// 地址，例如 https://host:8080。</translation>
    </message>
    <message>
        <source>{label} must be more than 0 and at most {high:g} seconds.</source>
        <translation>{label}必须大于 0 且不超过 {high:g} 秒。</translation>
    </message>
    <message>
        <source>{label} must be true or false.</source>
        <translation>{label}必须是 true 或 false。</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>The thinking budget</source>
        <translation>思考预算</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>努力程度</translation>
    </message>
    <message>
        <source>The timeout</source>
        <translation>超时时间</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>The theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>The language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The chat font size</source>
        <translation>聊天字号</translation>
    </message>
    <message>
        <source>Allowing read-only tools without asking</source>
        <translation>无需询问即允许只读工具</translation>
    </message>
    <message>
        <source>The tool time limit</source>
        <translation>工具时限</translation>
    </message>
    <message>
        <source>Tool rounds per turn</source>
        <translation>每轮对话的工具调用轮数</translation>
    </message>
    <message>
        <source>Prompt caching</source>
        <translation>提示词缓存</translation>
    </message>
    <message>
        <source>Searches per turn</source>
        <translation>每轮搜索次数</translation>
    </message>
    <message>
        <source>Web search</source>
        <translation>网络搜索</translation>
    </message>
    <message>
        <source>Could not read {path}: {value}.</source>
        <translation>无法读取 {path}：{value}。</translation>
    </message>
    <message>
        <source>The settings file is not valid; using the defaults.</source>
        <translation>设置文件无效；将使用默认值。</translation>
    </message>
    <message>
        <source>The settings file comes from a newer version of the app.</source>
        <translation>设置文件来自更新版本的应用。</translation>
    </message>
    <message>
        <source>Could not rewrite {path}: {value}.</source>
        <translation>无法重写 {path}：{value}。</translation>
    </message>
    <message>
        <source>On, 5 minutes</source>
        <translation>开启，5 分钟</translation>
    </message>
    <message>
        <source>On, 1 hour (writes cost more)</source>
        <translation>开启，1 小时（写入费用更高）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Web search: only these domains</source>
        <translation>网络搜索：仅限这些域名</translation>
    </message>
    <message>
        <source>Any domain, e.g. wikipedia.org</source>
        <translation>任意域名，例如 wikipedia.org</translation>
    </message>
    <message>
        <source>Web search: never these domains</source>
        <translation>网络搜索：排除这些域名</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Your own prices, if any: %1</source>
        <translation>自定义价格（如有）：%1</translation>
    </message>
    <message>
        <source>Where your own prices go</source>
        <translation>自定义价格文件的位置</translation>
    </message>
    <message>
        <source>Web search: only</source>
        <translation>网络搜索：仅限域名</translation>
    </message>
    <message>
        <source>Web search: never</source>
        <translation>网络搜索：排除域名</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Adaptive</source>
        <translation>自适应</translation>
    </message>
    <message>
        <source>Enabled, with a budget</source>
        <translation>启用，带预算</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>模型默认</translation>
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
        <translation>最高</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Thinking budget</source>
        <translation>思考预算</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个 token</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>努力程度</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Optional: instructions sent with every message</source>
        <translation>可选：随每条消息发送的指令</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Default: ANTHROPIC_BASE_URL, else api.anthropic.com</source>
        <translation>默认：ANTHROPIC_BASE_URL，否则为 api.anthropic.com</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>请求超时</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Takes effect when the app restarts.</source>
        <translation>重启应用后生效。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Changed for the model</source>
        <translation>已为该模型调整</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>Max &amp;tokens</source>
        <translation>最大 token 数(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;hinking</source>
        <translation>思考(&amp;H)</translation>
    </message>
    <message>
        <source>Thinking &amp;budget</source>
        <translation>思考预算(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Effort</source>
        <translation>努力程度(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;System prompt</source>
        <translation>系统提示词(&amp;S)</translation>
    </message>
    <message>
        <source>Base &amp;URL</source>
        <translation>基础 URL(&amp;U)</translation>
    </message>
    <message>
        <source>Request time&amp;out</source>
        <translation>请求超时(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Retries</source>
        <translation>重试次数(&amp;R)</translation>
    </message>
    <message>
        <source>Th&amp;eme</source>
        <translation>主题(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Language (on restart)</source>
        <translation>语言(&amp;L)（重启后生效）</translation>
    </message>
    <message>
        <source>Could not save the settings: {exc}</source>
        <translation>无法保存设置：{exc}</translation>
    </message>
</context>
<context>
    <name>ShortcutsEditor</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Actions and their shortcuts</source>
        <translation>操作及其快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>New shortcut</source>
        <translation>新快捷键</translation>
    </message>
    <message>
        <source>Shortcut message</source>
        <translation>快捷键消息</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>更改(&amp;C)…</translation>
    </message>
    <message>
        <source>Change the shortcut</source>
        <translation>更改快捷键</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the shortcut</source>
        <translation>移除快捷键</translation>
    </message>
    <message>
        <source>Reset to &amp;default</source>
        <translation>恢复默认(&amp;D)</translation>
    </message>
    <message>
        <source>Reset to the default shortcut</source>
        <translation>恢复为默认快捷键</translation>
    </message>
    <message>
        <source>Reset &amp;all</source>
        <translation>全部重置(&amp;A)</translation>
    </message>
    <message>
        <source>Reset all shortcuts to the defaults</source>
        <translation>将所有快捷键重置为默认值</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the shortcuts</source>
        <translation>保存快捷键</translation>
    </message>
    <message>
        <source>no shortcut</source>
        <translation>无快捷键</translation>
    </message>
    <message>
        <source>Changed; the default is {default}</source>
        <translation>已更改；默认为 {default}</translation>
    </message>
    <message>
        <source>Could not save the shortcuts: {exc}</source>
        <translation>无法保存快捷键：{exc}</translation>
    </message>
    <message>
        <source>Shortcuts saved.</source>
        <translation>快捷键已保存。</translation>
    </message>
    <message>
        <source>Press the new shortcut for “{title}” ({cancel} cancels):</source>
        <translation>请按下“{title}”的新快捷键（{cancel} 取消）：</translation>
    </message>
    <message>
        <source>The next key pressed becomes the shortcut of {title}</source>
        <translation>下一个按下的键将成为 {title} 的快捷键</translation>
    </message>
    <message>
        <source>“{title}” is now {native_text}.</source>
        <translation>“{title}”现在是 {native_text}。</translation>
    </message>
    <message>
        <source>“{title}” has no shortcut now.</source>
        <translation>“{title}”现在没有快捷键。</translation>
    </message>
    <message>
        <source>“{title}” is back to {shortcuts_text}.</source>
        <translation>“{title}”已恢复为 {shortcuts_text}。</translation>
    </message>
    <message>
        <source>All shortcuts are back to the defaults. Save to keep them.</source>
        <translation>所有快捷键都已恢复为默认值。保存后生效。</translation>
    </message>
    <message>
        <source>Not changed: {reasons}</source>
        <translation>未更改：{reasons}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conversations sidebar</source>
        <translation>对话侧边栏</translation>
    </message>
    <message>
        <source>Search conversations ({search_key})</source>
        <translation>搜索对话（{search_key}）</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Search every conversation ({search_key})</source>
        <translation>搜索所有对话（{search_key}）</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>New chat ({new_chat_key})</source>
        <translation>新对话（{new_chat_key}）</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Conversation menu</source>
        <translation>对话菜单</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No conversations match “{query}”.</source>
        <translation>没有与“{query}”匹配的对话。</translation>
    </message>
    <message>
        <source>No conversations yet. {new_chat_key} starts one.</source>
        <translation>还没有对话。按 {new_chat_key} 开始一个。</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Waiting for the reply…</source>
        <translation>正在等待回复…</translation>
    </message>
    <message>
        <source>Streaming from {model}…</source>
        <translation>正在从 {model} 接收…</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Streaming…</source>
        <translation>接收中…</translation>
    </message>
    <message>
        <source>A reply is streaming: stop it with {stop_key} first.</source>
        <translation>有回复正在传输：请先按 {stop_key} 停止。</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The app stopped before this reply finished.</source>
        <translation>应用在这条回复完成之前停止了。</translation>
    </message>
</context>
<context>
    <name>StoreErrors</name>
    <message>
        <source>Cannot use the conversations database {path}: {reason}.</source>
        <translation>无法使用对话数据库 {path}：{reason}。</translation>
    </message>
    <message>
        <source>The conversations database {path} is damaged or is not a database ({reason}). It was left untouched: move it aside, or put a backup in its place, and start again.</source>
        <translation>对话数据库 {path} 已损坏或不是数据库（{reason}）。它未被改动：请把它移到别处，或放入一个备份，然后重新启动。</translation>
    </message>
    <message>
        <source>The conversations database {path} is busy: another program is using it ({reason}). Close other copies of desktop-chat and try again.</source>
        <translation>对话数据库 {path} 正忙：另一个程序正在使用它（{reason}）。请关闭其他 desktop-chat 窗口后重试。</translation>
    </message>
    <message>
        <source>The conversations database {path} is read-only ({reason}); conversations cannot be saved. Check the permissions of the file and of its folder, and that the disk is not mounted read-only.</source>
        <translation>对话数据库 {path} 是只读的（{reason}）；无法保存对话。请检查文件及其所在文件夹的权限，并确认磁盘没有以只读方式挂载。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full ({reason}): the change was not saved. Free some space; what was saved before is intact.</source>
        <translation>存放 {path} 的磁盘已满（{reason}）：更改未保存。请释放一些空间；之前保存的内容完好无损。</translation>
    </message>
    <message>
        <source>The disk holding {path} failed to write ({reason}): the change was not saved. The disk may have been removed, turned read-only or be failing; what was saved before is intact.</source>
        <translation>存放 {path} 的磁盘写入失败（{reason}）：更改未保存。磁盘可能已被移除、变为只读或正在损坏；之前保存的内容完好无损。</translation>
    </message>
    <message>
        <source>Cannot open the conversations database {path} ({reason}). Check that its folder exists and is writable.</source>
        <translation>无法打开对话数据库 {path}（{reason}）。请确认其文件夹存在且可写。</translation>
    </message>
    <message>
        <source>Conversations database error in {path}: {reason}.</source>
        <translation>对话数据库 {path} 出错：{reason}。</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>{what} {item_id} is not in {path}.</source>
        <translation>{what} {item_id} 不在 {path} 中。</translation>
    </message>
</context>
<context>
    <name>StoreFiles</name>
    <message>
        <source>The conversations database {path} was deleted or moved while the app was running: nothing more can be saved to it. The conversations open here are still readable; save them again (or export them) before quitting.</source>
        <translation>对话数据库 {path} 在应用运行期间被删除或移动：无法再向其中保存任何内容。这里打开的对话仍可阅读；请在退出前重新保存（或导出）它们。</translation>
    </message>
    <message>
        <source>The conversations database {path} was replaced by another file while the app was running: nothing more is saved, so as not to write into a file that is not the one opened. Export what you need, then restart the app.</source>
        <translation>对话数据库 {path} 在应用运行期间被另一个文件替换：为避免写入并非当初打开的文件，不再保存任何内容。请导出你需要的内容，然后重新启动应用。</translation>
    </message>
    <message>
        <source>The conversations database {path} is read-only; conversations cannot be saved. Check the permissions of the file.</source>
        <translation>对话数据库 {path} 是只读的；无法保存对话。请检查文件的权限。</translation>
    </message>
    <message>
        <source>The folder {parent} is read-only; the conversations database needs to write there (it keeps its journal next to the database). Check its permissions.</source>
        <translation>文件夹 {parent} 是只读的；对话数据库需要在那里写入（它把日志文件放在数据库旁边）。请检查其权限。</translation>
    </message>
</context>
<context>
    <name>StreamingText</name>
    <message>
        <source>[{more} more of this part of the reply are not drawn here; they are kept: copy the reply or export it to read them.]</source>
        <translation>[这部分回复还有 {more} 没有在此显示；内容已保留：复制回复或将其导出即可阅读。]</translation>
    </message>
</context>
<context>
    <name>ToolCards</name>
    <message>
        <source>Tool call: {name} {arguments}</source>
        <translation>工具调用：{name} {arguments}</translation>
    </message>
    <message>
        <source>allowed once</source>
        <translation>允许一次</translation>
    </message>
    <message>
        <source>allowed for this conversation</source>
        <translation>在此对话中允许</translation>
    </message>
    <message>
        <source>always allowed</source>
        <translation>始终允许</translation>
    </message>
    <message>
        <source>allowed by a grant</source>
        <translation>依据已授予的权限允许</translation>
    </message>
    <message>
        <source>read-only, allowed</source>
        <translation>只读，已允许</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Error from {name}</source>
        <translation>{name} 的错误</translation>
    </message>
    <message>
        <source>Result of {name}</source>
        <translation>{name} 的结果</translation>
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
        <translation>工具服务器：{problem}</translation>
    </message>
    <message>
        <source>The tool server “{name}” failed: {message}</source>
        <translation>工具服务器“{name}”出错：{message}</translation>
    </message>
    <message>
        <source> Its last words: {last_words}</source>
        <translation> 它最后的输出：{last_words}</translation>
    </message>
</context>
<context>
    <name>ToolsDialog</name>
    <message>
        <source>Import Claude Desktop config</source>
        <translation>导入 Claude Desktop 配置</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已替换</translation>
    </message>
    <message>
        <source>Already here with other settings, yours kept</source>
        <translation>已存在但设置不同，保留了你的设置</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>Not imported: {problems}.</source>
        <translation>未导入：{problems}。</translation>
    </message>
    <message>
        <source>The old mcp.json was not valid JSON; it was kept as {kept_aside}.</source>
        <translation>旧的 mcp.json 不是有效的 JSON；已另存为 {kept_aside}。</translation>
    </message>
    <message>
        <source>No MCP server was found in {source}.</source>
        <translation>在 {source} 中没有找到 MCP 服务器。</translation>
    </message>
    <message>
        <source>Tools (MCP)</source>
        <translation>工具（MCP）</translation>
    </message>
    <message>
        <source>Problems in mcp.json</source>
        <translation>mcp.json 中的问题</translation>
    </message>
    <message>
        <source>&amp;Edit mcp.json…</source>
        <translation>编辑 mcp.json(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit mcp.json</source>
        <translation>编辑 mcp.json</translation>
    </message>
    <message>
        <source>&amp;Import Claude Desktop config…</source>
        <translation>导入 Claude Desktop 配置(&amp;I)…</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Tools allowed without asking</source>
        <translation>无需询问即可使用的工具</translation>
    </message>
    <message>
        <source>Allow &amp;read-only tools without asking</source>
        <translation>无需询问即允许只读工具(&amp;R)</translation>
    </message>
    <message>
        <source>Allow read-only tools without asking</source>
        <translation>无需询问即允许只读工具</translation>
    </message>
    <message>
        <source>Tools marked destructive always ask.</source>
        <translation>标记为破坏性的工具总是会询问。</translation>
    </message>
    <message>
        <source>Call time limit</source>
        <translation>调用时限</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Tool rounds per turn</source>
        <translation>每轮对话的工具调用轮数</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Call time &amp;limit</source>
        <translation>调用时限(&amp;L)</translation>
    </message>
    <message>
        <source>Tool r&amp;ounds per turn</source>
        <translation>工具调用轮数(&amp;O)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> The old file, not valid JSON, was kept as {kept}.</source>
        <translation> 旧文件不是有效的 JSON，已另存为 {kept}。</translation>
    </message>
    <message>
        <source>mcp.json saved; the servers are restarted.</source>
        <translation>mcp.json 已保存；服务器已重新启动。</translation>
    </message>
    <message>
        <source>Save or discard your changes to mcp.json first.</source>
        <translation>请先保存或放弃你对 mcp.json 的更改。</translation>
    </message>
    <message>
        <source>Nothing imported: mcp.json could not be written ({exc}).</source>
        <translation>未导入任何内容：无法写入 mcp.json（{exc}）。</translation>
    </message>
    <message>
        <source>Could not save the settings: {exc}</source>
        <translation>无法保存设置：{exc}</translation>
    </message>
    <message>
        <source>{key} again closes without saving</source>
        <translation>再按 {key} 将不保存而关闭</translation>
    </message>
    <message>
        <source>mcp.json has changes that are not saved: save or discard them ({again}).</source>
        <translation>mcp.json 有未保存的更改：请保存或放弃（{again}）。</translation>
    </message>
</context>
<context>
    <name>TranscriptEntries</name>
    <message>
        <source>The reply reached the max_tokens limit and was cut here.</source>
        <translation>回复达到了 max_tokens 上限，在此被截断。</translation>
    </message>
    <message>
        <source>The reply stopped at a stop sequence.</source>
        <translation>回复在停止序列处停止了。</translation>
    </message>
    <message>
        <source>The API paused this turn; send a message to let it continue.</source>
        <translation>API 暂停了这一轮；发送一条消息让它继续。</translation>
    </message>
    <message>
        <source>Claude declined to continue this reply.</source>
        <translation>Claude 拒绝继续这条回复。</translation>
    </message>
    <message>
        <source>The conversation filled the model&apos;s context window.</source>
        <translation>对话已占满模型的上下文窗口。</translation>
    </message>
    <message>
        <source>The reply failed.</source>
        <translation>回复失败了。</translation>
    </message>
    <message>
        <source>Stopped. The partial reply is kept.</source>
        <translation>已停止。部分回复已保留。</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Used the tool “{name}” (run by the API).</source>
        <translation>使用了工具“{name}”（由 API 运行）。</translation>
    </message>
</context>
<context>
    <name>Turn</name>
    <message>
        <source>Stopped after {_rounds} rounds of tool calls (the limit set in the tools settings). Ask Claude to go on to allow more.</source>
        <translation>在 {_rounds} 轮工具调用后停止（这是工具设置中的上限）。让 Claude 继续即可允许更多轮。</translation>
    </message>
    <message>
        <source>Retry cancelled. {retry_hint}</source>
        <translation>已取消重试。{retry_hint}</translation>
    </message>
    <message>
        <source>Stopped. The partial reply is kept.</source>
        <translation>已停止。部分回复已保留。</translation>
    </message>
    <message>
        <source>Claude asked to use a tool, but no tool server is running here: the next message tells it the tool was not run. Add servers under {tools_key}.</source>
        <translation>Claude 请求使用工具，但这里没有运行任何工具服务器：下一条消息会告诉它该工具没有运行。请在 {tools_key} 中添加服务器。</translation>
    </message>
    <message>
        <source>{regenerate_key} asks again; {continue_key} carries on from what arrived.</source>
        <translation>{regenerate_key} 重新提问；{continue_key} 从已收到的内容处继续。</translation>
    </message>
    <message>
        <source>No API key yet. Add one with {api_key_key} (it goes to your system keychain), set ANTHROPIC_API_KEY, or start with --demo to try the app.</source>
        <translation>还没有 API 密钥。请用 {api_key_key} 添加（保存在系统钥匙串中），或设置 ANTHROPIC_API_KEY，或者用 --demo 启动试用本应用。</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo delete bar</source>
        <translation>撤销删除栏</translation>
    </message>
    <message>
        <source>Deleted conversation</source>
        <translation>已删除的对话</translation>
    </message>
    <message>
        <source>Undo ({undo_keys})</source>
        <translation>撤销（{undo_keys}）</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Bring the conversation back ({undo_keys})</source>
        <translation>恢复此对话（{undo_keys}）</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>已删除“{name}”。</translation>
    </message>
</context>
<context>
    <name>Usage</name>
    <message>
        <source>Cost per period, as bars</source>
        <translation>各时段的费用（柱状图）</translation>
    </message>
    <message>
        <source>No replies saved yet.</source>
        <translation>还没有已保存的回复。</translation>
    </message>
    <message>
        <source>Usage and costs</source>
        <translation>用量和费用</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Reading the saved replies…</source>
        <translation>正在读取已保存的回复…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回复数</translation>
    </message>
    <message>
        <source>Tokens in / cached / out</source>
        <translation>token：输入 / 缓存 / 输出</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>The saved replies could not be read: %1</source>
        <translation>无法读取已保存的回复：%1</translation>
    </message>
    <message>
        <source>All saved replies: %1</source>
        <translation>所有已保存的回复：%1</translation>
    </message>
</context>
<context>
    <name>WebTools</name>
    <message>
        <source>“%1” is not a domain (write it as example.com).</source>
        <translation>“%1”不是域名（请写成 example.com 这样的形式）。</translation>
    </message>
    <message>
        <source>Give allowed domains or blocked domains, not both: the API takes one list.</source>
        <translation>请只填写允许的域名或排除的域名，不要两者都填：API 只接受一个列表。</translation>
    </message>
    <message>
        <source>too many searches at once; the API asks to wait a little</source>
        <translation>同时进行的搜索过多；API 要求稍等片刻</translation>
    </message>
    <message>
        <source>the most searches allowed in one turn were used</source>
        <translation>已用完一轮允许的最多搜索次数</translation>
    </message>
    <message>
        <source>the search was not valid</source>
        <translation>搜索无效</translation>
    </message>
    <message>
        <source>the search was too long</source>
        <translation>搜索内容过长</translation>
    </message>
    <message>
        <source>web search is unavailable just now</source>
        <translation>网络搜索暂时不可用</translation>
    </message>
    <message>
        <source>the request was too large</source>
        <translation>请求过大</translation>
    </message>
    <message>
        <source>the address was too long</source>
        <translation>地址过长</translation>
    </message>
    <message>
        <source>the address is not in the allowed domains</source>
        <translation>该地址不在允许的域名内</translation>
    </message>
    <message>
        <source>the page could not be reached</source>
        <translation>无法访问该网页</translation>
    </message>
    <message>
        <source>the address did not come from the conversation</source>
        <translation>该地址并非来自对话内容</translation>
    </message>
    <message>
        <source>the page&apos;s kind of content cannot be read</source>
        <translation>无法读取该网页的内容类型</translation>
    </message>
    <message>
        <source>the page is too large</source>
        <translation>网页过大</translation>
    </message>
    <message>
        <source>the web tool failed (%1)</source>
        <translation>网络工具失败（%1）</translation>
    </message>
    <message>
        <source>Searching: %1</source>
        <translation>正在搜索：%1</translation>
    </message>
    <message>
        <source>Reading: %1</source>
        <translation>正在阅读：%1</translation>
    </message>
    <message>
        <source>Searched: %1</source>
        <translation>已搜索：%1</translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation>已阅读：%1</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 个结果</translation>
    </message>
    <message>
        <source>{count} results</source>
        <translation>{count} 个结果</translation>
    </message>
    <message>
        <source>%1 does not offer web search.</source>
        <translation>%1 不提供网络搜索。</translation>
    </message>
</context>
</TS>
