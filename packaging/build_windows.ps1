# Build the Windows one-folder app into dist\disastershare\ (disastershare.exe for the command line,
# disastershare-gui.exe for the Start menu) and, if Inno Setup 6 is installed, the per-user installer
# dist\installer\DisasterShare-<version>-setup.exe.
# Run from a PowerShell prompt:  powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1
# Needs the project virtualenv: py -3.11 -m venv .venv; .venv\Scripts\python -m pip install -e .[test]
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$Venv = if ($env:VENV) { $env:VENV } else { ".venv" }
$Py = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $Py)) { Write-Error "no virtualenv at $Venv (see the comment at the top)"; exit 2 }

& $Py -m pip install -q "pyinstaller>=6.10,<7"
if ($LASTEXITCODE) { exit $LASTEXITCODE }
$Lrelease = Join-Path $Venv "Scripts\pyside6-lrelease.exe"
Get-ChildItem resources\i18n\*.ts | ForEach-Object {
    & $Lrelease -silent $_.FullName -qm ([IO.Path]::ChangeExtension($_.FullName, ".qm"))
    if ($LASTEXITCODE) { exit $LASTEXITCODE }
}
& $Py packaging\make_icons.py build\icons
if ($LASTEXITCODE) { exit $LASTEXITCODE }

$Watch = [Diagnostics.Stopwatch]::StartNew()
& $Py -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build\pyinstaller packaging\disastershare.spec
if ($LASTEXITCODE) { exit $LASTEXITCODE }
$Size = (Get-ChildItem dist\disastershare -Recurse -File | Measure-Object Length -Sum).Sum / 1MB
Write-Host ("built dist\disastershare in {0:N0} s: {1:N0} MB" -f $Watch.Elapsed.TotalSeconds, $Size)

# Quick check of the built app (the full smoke test is packaging/smoke_test.sh on Linux CI)
& dist\disastershare\disastershare.exe --version
if ($LASTEXITCODE) { Write-Error "the built disastershare.exe does not start"; exit 1 }

$Version = (Select-String -Path src\disastershare\__init__.py -Pattern '__version__ = "(.*)"').Matches[0].Groups[1].Value
$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) {
    $Iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
              "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if ($Iscc) {
    & $Iscc /Q "/DAppVersion=$Version" packaging\installer.iss
    if ($LASTEXITCODE) { exit $LASTEXITCODE }
    Write-Host "installer: dist\installer\DisasterShare-$Version-setup.exe"
} else {
    Write-Host "Inno Setup 6 not found: no installer (winget install JRSoftware.InnoSetup)"
}
