#Requires -Version 5.1
<#
.SYNOPSIS
  Build dist\duban-setup.exe (督办台 for Windows 10/11) on a PC with Python 3.11 from python.org
  and Inno Setup 6.3 or newer. From the checkout's top folder, in a normal (not admin) console:

      powershell -NoProfile -ExecutionPolicy Bypass -File .ci\build-windows.ps1

  1. finds Python 3.11 through the py launcher that python.org's installer puts in place
     (or -Python C:\path\python.exe), makes .venv and installs the project with its build
     extra (PyInstaller) from PyPI;
  2. runs PyInstaller with build.spec -> dist\duban (duban.exe windowed, duban-cli.exe console);
  3. runs dist\duban\duban-cli.exe self-test (stops on any failed check);
  4. compiles resources\packaging\duban.iss with ISCC.exe -> dist\duban-setup.exe.
  Saved as UTF-8 with BOM: Windows PowerShell 5.1 reads a script without BOM in the ANSI code
  page (GBK on Chinese Windows) and would garble the Chinese messages.
#>
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [switch]$SkipSelfTest
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version 3.0
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Native([string]$File, [string[]]$Arguments) {
    # $ErrorActionPreference does not stop on a native program's exit code: check it here.
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "失败（退出码 $LASTEXITCODE）：$File $($Arguments -join ' ')"
    }
}

# --- 1. Python 3.11 and the build venv --------------------------------------------------------
if (-not $Python) {
    if (Get-Command py.exe -ErrorAction SilentlyContinue) {
        # PowerShell 5.1 turns a redirected stderr line into an error record, and "Stop" into
        # an exception: a missing 3.11 must reach the message below instead.
        try {
            $Python = (& py.exe -3.11 -c "import sys; print(sys.executable)" 2>$null)
            if ($LASTEXITCODE -ne 0) { $Python = "" }
        } catch {
            $Python = ""
        }
    }
}
if (-not $Python) {
    throw "找不到 Python 3.11：请从 python.org 安装 Python 3.11（64 位，勾选 py launcher），或用 -Python 指定 python.exe"
}
$version = (& $Python -c "import sys, struct; print('%d.%d-%d' % (sys.version_info[0], sys.version_info[1], struct.calcsize('P') * 8))")
if ($version -ne "3.11-64") {
    throw "需要 64 位 Python 3.11，$Python 是 $version"
}
Write-Host "== Python: $Python"
$VenvPython = Join-Path $Root ".venv\Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    Invoke-Native $Python @("-m", "venv", (Join-Path $Root ".venv"))
}
Invoke-Native $VenvPython @("-m", "pip", "install", "--disable-pip-version-check", "-q", "--upgrade", "pip")
Invoke-Native $VenvPython @("-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", ".[build]")
$AppVersion = (& $VenvPython -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])")
$qt = (& $VenvPython -c "import PySide6; print(PySide6.__version__)")
Write-Host "== 督办台 $AppVersion, PySide6 $qt"

# --- 2. PyInstaller -------------------------------------------------------------------------
$started = Get-Date
Invoke-Native $VenvPython @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--workpath", "build\pyinstaller", "--distpath", "dist", "build.spec")
$bytes = (Get-ChildItem -Recurse -File "dist\duban" | Measure-Object -Sum Length).Sum
Write-Host ("== dist\duban: {0:N0} MB, PyInstaller {1:N0} s" -f ($bytes / 1MB), ((Get-Date) - $started).TotalSeconds)

# --- 3. the bundle checks itself ------------------------------------------------------------
if (-not $SkipSelfTest) {
    Invoke-Native "dist\duban\duban-cli.exe" @("self-test")
}

# --- 4. Inno Setup ----------------------------------------------------------------------------
if (-not $Iscc) {
    $cmd = Get-Command iscc.exe -ErrorAction SilentlyContinue
    if ($cmd) { $Iscc = $cmd.Source }
}
if (-not $Iscc) {
    $keys = @(
        "HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1",
        "HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1",
        "HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1"
    )
    foreach ($key in $keys) {
        $entry = Get-ItemProperty -Path $key -ErrorAction SilentlyContinue
        if ($entry -and $entry.PSObject.Properties["InstallLocation"]) {
            $candidate = Join-Path $entry.InstallLocation "ISCC.exe"
            if (Test-Path $candidate) { $Iscc = $candidate; break }
        }
    }
}
if (-not $Iscc) {
    foreach ($candidate in @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
                             "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                             "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe")) {
        if (Test-Path $candidate) { $Iscc = $candidate; break }
    }
}
if (-not $Iscc) {
    throw "找不到 Inno Setup 6 的 ISCC.exe：请安装 Inno Setup 6.3 或更新版本，或用 -Iscc 指定"
}
Write-Host "== Inno Setup: $Iscc"
Invoke-Native $Iscc @("/Q", "/DAppVersion=$AppVersion", "resources\packaging\duban.iss")
$setup = Get-Item "dist\duban-setup.exe"
Write-Host ("== 已生成 {0}（{1:N0} MB）。在办公电脑上双击安装（无需管理员权限）。" -f $setup.FullName, ($setup.Length / 1MB))
