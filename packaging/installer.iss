; Inno Setup 6 script: per-user installer for the one-folder build in dist\disastershare\.
; Built by packaging\build_windows.ps1 (ISCC /DAppVersion=x.y.z packaging\installer.iss).
; - Installs into %LOCALAPPDATA%\Programs\DisasterShare without administrator rights (office PCs often have none).
; - Start-menu entry (and an optional desktop icon) for the windowed disastershare-gui.exe.
; - .dsnap file association under HKCU\Software\Classes: double-clicking a partner's snapshot runs
;   `disastershare-gui gui --import "<file>"`: the window opens on its Sync tab with the per-file result
;   (applied, up to date, refused and why). The workspace is the user's default one.
; - The workspace (user data folder) is never touched by install, update or uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\disastershare"
#endif
#define AppName "DisasterShare"
#define GuiExe "disastershare-gui.exe"
#define CliExe "disastershare.exe"
#define ProgId "DisasterShare.Snapshot"

[Setup]
; AppId identifies the app for updates and uninstall: never change it.
AppId={{F7A2E41A-F555-4E7C-A0C0-FC652D594B2D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=DisasterShare project
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=DisasterShare-{#AppVersion}-setup
#if FileExists(AddBackslash(SourcePath) + "..\build\icons\disastershare.ico")
SetupIconFile=..\build\icons\disastershare.ico
#endif
UninstallDisplayIcon={app}\{#GuiExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ja.AssocTask=スナップショットファイル (.dsnap) を DisasterShare で開く
en.AssocTask=Open snapshot files (.dsnap) with DisasterShare
ja.SnapshotType=DisasterShare スナップショット
en.SnapshotType=DisasterShare snapshot

[Tasks]
Name: "dsnap"; Description: "{cm:AssocTask}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; files of the previous version that this one no longer ships (a one-folder build is replaced as a whole)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; HKA is HKCU\Software\Classes for a per-user install: no administrator rights needed.
Root: HKA; Subkey: "Software\Classes\.dsnap"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: dsnap
Root: HKA; Subkey: "Software\Classes\.dsnap\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: dsnap
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:SnapshotType}"; Flags: uninsdeletekey; Tasks: dsnap
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"; Tasks: dsnap
; cmd /s /c "<exe> snapshot import "<file>" & pause": the console stays open so the result can be read.
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" gui --import ""%1"""; Tasks: dsnap

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
