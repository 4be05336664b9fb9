; Inno Setup script for CommDesk on Windows (Inno Setup 6.2 or later).
; Build steps: installers/README.md. Input: the one-folder bundle dist\CommDesk\ from `make bundle`.
;
; Per-machine install into Program Files, Start-menu shortcut, optional desktop shortcut,
; Vietnamese or English installer. The user's data (%LOCALAPPDATA%\CommDesk: database,
; backups, logs) is never touched by the installer or the uninstaller.

#define AppName "CommDesk"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "CommDesk.exe"

[Setup]
AppId={{6E2B6A43-4C1D-4F3B-9C2E-7C0D5A1E8B21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=CommDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=CommDesk-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\commdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
; Vietnamese.isl is among Inno Setup's unofficial translations: copy it next to this script
; (see installers/README.md); English ships with Inno Setup.
Name: "vi"; MessagesFile: "Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.LaunchAfterInstall=Mở CommDesk
en.LaunchAfterInstall=Start CommDesk
vi.DataKept=Dữ liệu của bạn (cơ sở dữ liệu, bản sao lưu, nhật ký) được giữ nguyên trong %1.
en.DataKept=Your data (database, backups, logs) is kept in %1.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\CommDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchAfterInstall}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program folder gained at run time (Python caches); never {localappdata}\CommDesk.
Type: filesandordirs; Name: "{app}\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\CommDesk')]),
      mbInformation, MB_OK);
end;
