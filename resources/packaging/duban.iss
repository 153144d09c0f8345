; Inno Setup script for 督办台 on Windows (Inno Setup 6, Unicode).
;
;   .venv\Scripts\pyinstaller --noconfirm --clean build.spec
;   iscc /DAppVersion=0.1.0 resources\packaging\duban.iss      -> dist\duban-setup.exe
;   (.ci\build-windows.ps1 runs all of it; needs Inno Setup 6.3+ for "x64compatible")
;
; Installs dist\duban (the PyInstaller folder) per user, without administrator rights, into
; %LOCALAPPDATA%\Programs\duban ({autopf} in non-administrative install mode), with Start-menu
; entries. The ledger and its backups are not here: the program keeps them in
; %LOCALAPPDATA%\duban (platformdirs, appauthor=False), a folder this installer never writes,
; so the uninstaller (which removes only what it installed) and upgrades leave them alone.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "督办台"
#define AppExe "duban.exe"
#define Root AddBackslash(SourcePath) + "..\..\"

[Setup]
AppId={{6F1B2C3A-9D4E-4B7A-8C21-5E0F3A7D9B14}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=平安建设领导小组办公室
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} 安装程序
; ASCII folder name: some third-party tools still trip over non-ASCII program paths
DefaultDirName={autopf}\duban
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user by default (office PCs rarely give clerks admin rights); an admin may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}dist
OutputBaseFilename=duban-setup
SetupIconFile={#Root}resources\icons\duban.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Root}dist\duban\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} 自检"; Filename: "{cmd}"; Parameters: "/k ""{app}\duban-cli.exe"" self-test"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
