<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Keyboard shortcuts: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app stopped in the middle of this reply; what arrived is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: replies come from {base_url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key found. Add one with {api_key_key}, set ANTHROPIC_API_KEY, or start with --demo to try the app without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations cannot be saved: {exc} This session is kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lines}, {characters}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run “{value}” from {server}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude wants to run a tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — the server calls it {tool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server gave no description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hints from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destructive: the server marks this tool as one that may delete or overwrite things. It asks every time; {accept_key} denies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ar&amp;guments, in full ({size}; scroll to read all of them):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ar&amp;guments, in full ({size}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full arguments as JSON, {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow &amp;once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow for this &amp;conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow for this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Always allow this tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always allow this tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for denying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: why not (Claude reads this)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{close_key} denies without a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it does:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hints:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, unavailable now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>A reply is still streaming: {stop_key} stops it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing your last question: {send_key} sends it (the earlier version stays as a branch), {stop_key} cancels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reply to copy yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last reply has no code block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations are not being saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all conversations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Pasted text #{number}: {size}, 1 line]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Pasted text #{number}: {size}, {lines} lines]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>The conversations database was saved again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no reply to regenerate yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a reply that stopped short can be continued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} ({regenerate_key} asks again.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no refused exchange to leave out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationDelegates</name>
    <message>
        <source>Conversation title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationModels</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today {clock}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Quit with unsaved messages?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unsaved}

If you quit now, what is not saved is lost. Export the conversation first to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit without saving</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON, to import again (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export to {path}: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find  ({find_next_key}: next match, {find_previous_key}: previous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantsList</name>
    <message>
        <source>Problems with the permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke all permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every tool asks before it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in every conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in “{title}” only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in one conversation only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke: {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not revoke it: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked: {words}. It asks again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not revoke them all: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked 1 permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked {count} permissions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>QLabel#keycap { border: 1px solid palette(mid); border-radius: 4px; padding: 1px 6px; background: palette(base); color: palette(text); }</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{close} closes this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  {value} finds any command by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: no shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>{title} text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Reply details&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>streaming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redacted thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(encrypted by the API; sent back unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool use: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool result: {block_type}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported block: {block_type} (kept, sent back unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{json}

(not valid JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running: {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the tool (or for your answer to its approval).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error from {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{raw}

(incomplete JSON: the reply was cut)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (the reply was cut)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>Add your Anthropic API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop Chat needs an Anthropic API key to talk to Claude. It is kept in your system&apos;s keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get a key at &lt;a href=&quot;{url}&quot;&gt;console.anthropic.com&lt;/a&gt; (Settings → API keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to get a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving it in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work ({__name__}: {exc}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — Desktop Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key saved to {place}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude is replying… ({stop_key} to stop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask Claude…  ({send_key} to send, {newline_key} for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkdownWriter</name>
    <message>
        <source>Copy the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[image: {alt}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[image]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>McpJsonEditor</name>
    <message>
        <source>{
  &quot;mcpServers&quot;: {}
}
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why mcp.json was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save mcp.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save mcp.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disca&amp;rd changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be read: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {lineno}, column {colno}: {msg}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: this is not valid JSON ({where}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {path} could not be written ({exc}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveBanner</name>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the database again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this conversation to a file of your choice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveKeeper</name>
    <message>
        <source>{value} Other conversations have unsaved messages too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerConfirmDialog</name>
    <message>
        <source>No environment variables of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (from the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the MCP server “{name}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MCP server “{name}” is new or its command line changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This program will run on your computer with your permissions: it can read and change your files and reach the network. Run it only if you trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app will connect to this address and send it the arguments of the tool calls you allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Command line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{close_key} does not run it. You are asked again if its command line changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Don&apos;t run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerList</name>
    <message>
        <source>Turned off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No MCP server is configured: edit mcp.json or import a config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs: {command_line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its last words:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adaptive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled, with a budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: instructions sent with every message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: ANTHROPIC_BASE_URL, else api.anthropic.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed for the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max &amp;tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;hinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking &amp;budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request time&amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Th&amp;eme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the settings: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsEditor</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions and their shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to &amp;default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to the default shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset all shortcuts to the defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed; the default is {default}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the shortcuts: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press the new shortcut for “{title}” ({cancel} cancels):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next key pressed becomes the shortcut of {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” is now {native_text}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” has no shortcut now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” is back to {shortcuts_text}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All shortcuts are back to the defaults. Save to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conversations sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search conversations ({search_key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every conversation ({search_key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New chat ({new_chat_key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations match “{query}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations yet. {new_chat_key} starts one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streaming from {model}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streaming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reply is streaming: stop it with {stop_key} first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StreamingText</name>
    <message>
        <source>[{more} more of this part of the reply are not drawn here; they are kept: copy the reply or export it to read them.]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolRuntime</name>
    <message>
        <source>Tool servers: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tool server “{name}” failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Its last words: {last_words}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolsDialog</name>
    <message>
        <source>Import Claude Desktop config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already here with other settings, yours kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old mcp.json was not valid JSON; it was kept as {kept_aside}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No MCP server was found in {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools (MCP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in mcp.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit mcp.json…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit mcp.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Claude Desktop config…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools allowed without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow &amp;read-only tools without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow read-only tools without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools marked destructive always ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool rounds per turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call time &amp;limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool r&amp;ounds per turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The old file, not valid JSON, was kept as {kept}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save or discard your changes to mcp.json first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing imported: mcp.json could not be written ({exc}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the settings: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key} again closes without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcp.json has changes that are not saved: save or discard them ({again}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptEntries</name>
    <message>
        <source>The reply reached the max_tokens limit and was cut here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply stopped at a stop sequence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API paused this turn; send a message to let it continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude declined to continue this reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation filled the model&apos;s context window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. The partial reply is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used the tool “{name}” (run by the API).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo delete bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo ({undo_keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the conversation back ({undo_keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
