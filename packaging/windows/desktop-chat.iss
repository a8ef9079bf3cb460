; Inno Setup 6.3+ script: a per-user setup.exe for Desktop Chat (no administrator rights needed).
;
;   python -m PyInstaller --noconfirm --clean --distpath build\pyinstaller\dist ^
;       --workpath build\pyinstaller\work packaging\desktop-chat.spec
;   iscc /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 packaging\windows\desktop-chat.iss
;
; Both versions come from desktop_chat/__init__.py: python packaging\project_version.py [--numeric].
; Output: dist\desktop-chat-<version>-setup.exe. It installs the PyInstaller folder into
; %LOCALAPPDATA%\Programs\Desktop Chat, adds a Start-menu shortcut (and, if ticked, a desktop
; one) and an uninstaller listed in Settings > Apps. Conversations and settings live in
; %LOCALAPPDATA%\desktop-chat and survive uninstalling; the API key is in Windows Credential Manager.
;
; Signing: define SignTool (see packaging/README.md), e.g.
;   iscc /DAppVersion=... /DAppVersionNumeric=... /DSign ^
;        "/Ssigntool=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a $f" ...

#ifndef AppVersion
  #error Pass /DAppVersion=<version> (python packaging\project_version.py)
#endif
#ifndef AppVersionNumeric
  #error Pass /DAppVersionNumeric=<a.b.c.d> (python packaging\project_version.py --numeric)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\pyinstaller\dist\desktop-chat"
#endif

#define AppName "Desktop Chat"
#define AppExe "desktop-chat.exe"

[Setup]
; AppId identifies the app across versions (upgrades, uninstall): never change it.
AppId={{7BAFCEE9-FD56-43B4-A627-EEBF589899DD}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Desktop Chat contributors
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoDescription={#AppName} setup
; Per-user: {autopf} is %LOCALAPPDATA%\Programs when running without elevation.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=desktop-chat-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\desktop-chat.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Close a running copy before replacing its files (upgrades), restart it afterwards.
CloseApplications=yes
RestartApplications=no
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so no file of an older version lingers beside the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Chat with Claude"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
