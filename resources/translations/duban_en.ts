<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>关于督办台</source>
        <translation>About Duban Desk</translation>
    </message>
    <message>
        <source>（未打开台账）</source>
        <translation>(no ledger open)</translation>
    </message>
    <message>
        <source>（程序支持到 {head}）</source>
        <translation>(the program supports up to {head})</translation>
    </message>
    <message>
        <source>安装包</source>
        <translation>Installed bundle</translation>
    </message>
    <message>
        <source>源代码</source>
        <translation>Source code</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>台账文件</source>
        <translation>Ledger file</translation>
    </message>
    <message>
        <source>（未打开）</source>
        <translation>(not open)</translation>
    </message>
    <message>
        <source>数据结构版本</source>
        <translation>Schema revision</translation>
    </message>
    <message>
        <source>数据目录</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>运行方式</source>
        <translation>Running as</translation>
    </message>
    <message>
        <source>界面字体</source>
        <translation>UI font</translation>
    </message>
    <message>
        <source>操作系统</source>
        <translation>Operating system</translation>
    </message>
    <message>
        <source>日志文件</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>公文字体（按“设置”中所选，其次本机字体，再次随程序提供的字体）</source>
        <translation>Document fonts (as chosen in Settings, then the PC&apos;s own fonts, then the fonts shipped with the program)</translation>
    </message>
    <message>
        <source>随程序提供</source>
        <translation>shipped with the program</translation>
    </message>
    <message>
        <source>字体替代说明：</source>
        <translation>Font substitutions:</translation>
    </message>
    <message>
        <source>如需标准公文字体，请安装后在“设置”中选择字体文件。</source>
        <translation>For the standard document fonts, install them and choose the font files in Settings.</translation>
    </message>
    <message>
        <source>复制以上信息</source>
        <translation>Copy the above</translation>
    </message>
    <message>
        <source>复制到剪贴板，便于向技术支持说明情况</source>
        <translation>Copy to the clipboard, to describe the situation to technical support</translation>
    </message>
    <message>
        <source>密码已修改，下次登录请使用新密码。</source>
        <translation>Password changed; use the new password next time you sign in.</translation>
    </message>
    <message>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords do not match.</translation>
    </message>
    <message>
        <source>用户：{name}（{login}）</source>
        <translation>User: {name} ({login})</translation>
    </message>
    <message>
        <source>至少 {length} 位，含大写字母、小写字母、数字、符号中的至少 {classes} 类，不含用户名，不是常见密码</source>
        <translation>at least {length} characters of at least {classes} of the classes upper case, lower case, digit and symbol, not containing the user name, not a common password</translation>
    </message>
    <message>
        <source>密码要求：{rule}。</source>
        <translation>Password rule: {rule}.</translation>
    </message>
    <message>
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>用户名（登录用）</source>
        <translation>User name (for signing in)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>科员：修改台账、制发公文；领导：只能查看；系统管理员：用户、设置、备份恢复；安全管理员：安全策略、角色、解锁、审核账号变更；审计管理员：查阅、导出操作日志。一个账号只担任一种角色。</source>
        <translation>Clerk: edits the ledger and issues documents; leader: read only; system administrator: users, settings, backup and restore; security administrator: security policy, roles, unlocking, approving account changes; audit administrator: reads and exports the audit log. One account holds one role.</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>修改姓名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>新姓名</source>
        <translation>New name</translation>
    </message>
    <message>
        <source>修改角色</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>新建用户…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <source>修改姓名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>修改角色…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>审核通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>审核不通过</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>安全策略…</source>
        <translation>Security policy…</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>（本人）</source>
        <translation>(you)</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>停用的账号不能登录，但其操作记录保留。系统管理员、安全管理员、审计管理员各至少保留一位；不能停用自己或更改自己的角色。已有安全管理员时，新建、重新启用和重置密码的账号须经安全管理员审核后才能登录。</source>
        <translation>A disabled account cannot sign in, but its records are kept. At least one system, one security and one audit administrator must remain; you cannot disable yourself or change your own role. Once there is a security administrator, new, re-enabled and reset accounts can sign in only after the security administrator approves them.</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>不能停用、锁定自己或更改自己的角色。</source>
        <translation>You cannot disable or lock yourself, or change your own role.</translation>
    </message>
    <message>
        <source>安全策略已保存。</source>
        <translation>Security policy saved.</translation>
    </message>
    <message>
        <source>停用“{name}”？停用后该账号不能登录，其操作记录保留。</source>
        <translation>Disable “{name}”? The account will no longer sign in; its records are kept.</translation>
    </message>
    <message>
        <source>重新启用“{name}”？</source>
        <translation>Enable “{name}” again?</translation>
    </message>
    <message>
        <source>用户信息已保存。</source>
        <translation>User saved.</translation>
    </message>
    <message>
        <source>督办台</source>
        <translation>Duban Desk</translation>
    </message>
    <message>
        <source>台账已被打开</source>
        <translation>Ledger already open</translation>
    </message>
    <message>
        <source>导出归档包</source>
        <translation>Export archive package</translation>
    </message>
    <message>
        <source>归档包已导出</source>
        <translation>Archive package exported</translation>
    </message>
    <message>
        <source>已导出并回读校验通过：
{path}
{items} 件，{pages} 页，{size}，用时 {sec:.1f} 秒。

拔出U盘前，请先在系统中“安全弹出”。</source>
        <translation>Exported and verified by reading back:
{path}
{items} items, {pages} pages, {size}, took {sec:.1f} s.

Before pulling out the USB stick, eject it safely in the system first.</translation>
    </message>
    <message>
        <source>正在导出（{span}）归档包…</source>
        <translation>Exporting the archive package ({span})…</translation>
    </message>
    <message>
        <source>选择归档包</source>
        <translation>Choose an archive package</translation>
    </message>
    <message>
        <source>归档包是文件夹还是 ZIP 文件？</source>
        <translation>Is the archive package a folder or a ZIP file?</translation>
    </message>
    <message>
        <source>文件夹…</source>
        <translation>Folder…</translation>
    </message>
    <message>
        <source>ZIP 文件…</source>
        <translation>ZIP file…</translation>
    </message>
    <message>
        <source>选择归档包文件夹</source>
        <translation>Choose the archive package folder</translation>
    </message>
    <message>
        <source>督办台诊断信息_{day}.zip</source>
        <translation>duban-diagnostics_{day}.zip</translation>
    </message>
    <message>
        <source>ZIP 文件 (*.zip)</source>
        <translation>ZIP files (*.zip)</translation>
    </message>
    <message>
        <source>导出诊断信息</source>
        <translation>Export diagnostics</translation>
    </message>
    <message>
        <source>已导出诊断信息：
{path}

其中有程序版本、日志、崩溃记录、自检结果、设置和台账的大小与完整性检查，不含台账内容和密码。请把这个文件交给技术支持。</source>
        <translation>Diagnostics exported:
{path}

It holds the program version, logs, crash records, the self-test result, settings and the ledger&apos;s size and integrity check, but no ledger content and no password. Please give this file to technical support.</translation>
    </message>
    <message>
        <source>正在收集诊断信息（含自检，约需十几秒）…</source>
        <translation>Collecting diagnostics (with the self-test, about a quarter of a minute)…</translation>
    </message>
    <message>
        <source>督办台上次意外退出</source>
        <translation>Duban Desk stopped unexpectedly last time</translation>
    </message>
    <message>
        <source>督办台上次运行时意外退出，以下是当时记录的信息。台账使用事务保存，已保存的内容不受影响。请复制或保存这些信息交给技术支持（也会收入“帮助 → 导出诊断信息…”）。</source>
        <translation>Duban Desk stopped unexpectedly the last time it ran; below is what was recorded then. The ledger saves in transactions, so what was saved is not affected. Please copy or save this for technical support (it is also included in Help → Export diagnostics…).</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>保存…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>保存崩溃记录</source>
        <translation>Save crash record</translation>
    </message>
    <message>
        <source>督办台崩溃记录.txt</source>
        <translation>duban-crash-record.txt</translation>
    </message>
    <message>
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>（没有错误信息：这次运行是被外部结束的，例如断电、强制结束或关机，不是程序出错。）</source>
        <translation>(No error was recorded: this run was ended from outside, for example by a power cut, a forced quit or a shutdown, not by a fault in the program.)</translation>
    </message>
    <message>
        <source>正在校验归档包…</source>
        <translation>Verifying the archive package…</translation>
    </message>
    <message>
        <source>正在校验并打开归档包…</source>
        <translation>Verifying and opening the archive package…</translation>
    </message>
    <message>
        <source>选择存放导入归档包的文件夹</source>
        <translation>Choose the folder for imported archive packages</translation>
    </message>
    <message>
        <source>正在校验并比对归档包…</source>
        <translation>Verifying and comparing the archive package…</translation>
    </message>
    <message>
        <source>归档包已导入</source>
        <translation>Archive package imported</translation>
    </message>
    <message>
        <source>已只读存放并回读校验通过：
{path}
新增 {n} 件，{size}。</source>
        <translation>Stored read-only and verified by reading back:
{path}
{n} new items, {size}.</translation>
    </message>
    <message>
        <source>正在导入归档包…</source>
        <translation>Importing the archive package…</translation>
    </message>
    <message>
        <source>备份台账</source>
        <translation>Back up ledger</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <source>已备份并回读校验：
{path}
{size}，SHA-256 {sha}

拔出U盘前，请先在系统中“安全弹出”。</source>
        <translation>Backed up and verified by reading back:
{path}
{size}, SHA-256 {sha}

Before pulling out the USB stick, eject it safely in the system first.</translation>
    </message>
    <message>
        <source>已加密：{cipher}</source>
        <translation>Encrypted: {cipher}</translation>
    </message>
    <message>
        <source>正在备份台账…</source>
        <translation>Backing up the ledger…</translation>
    </message>
    <message>
        <source>共享台账（数据库服务器）不能用本机备份文件恢复。</source>
        <translation>A shared ledger (database server) cannot be restored from a local backup file.</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>台账备份 (*.sqlite3 *.sqlite3.enc)</source>
        <translation>Ledger backups (*.sqlite3 *.sqlite3.enc)</translation>
    </message>
    <message>
        <source>加密备份</source>
        <translation>Encrypted backup</translation>
    </message>
    <message>
        <source>这是加密备份（{cipher}），请输入备份口令：</source>
        <translation>This is an encrypted backup ({cipher}); enter its passphrase:</translation>
    </message>
    <message>
        <source>算法未知</source>
        <translation>unknown algorithm</translation>
    </message>
    <message>
        <source>归档包是文件夹还是 ZIP 文件（或加密传递副本）？</source>
        <translation>Is the archive package a folder or a ZIP file (or an encrypted transport copy)?</translation>
    </message>
    <message>
        <source>归档包或加密传递副本 (*.zip *.zip.enc)</source>
        <translation>Archive packages or encrypted transport copies (*.zip *.zip.enc)</translation>
    </message>
    <message>
        <source>加密传递副本</source>
        <translation>Encrypted transport copy</translation>
    </message>
    <message>
        <source>“{name}”是加密传递副本（{cipher}），请输入口令：</source>
        <translation>“{name}” is an encrypted transport copy ({cipher}); enter its passphrase:</translation>
    </message>
    <message>
        <source>写加密传递副本</source>
        <translation>Write an encrypted transport copy</translation>
    </message>
    <message>
        <source>传递副本已写出</source>
        <translation>Transport copy written</translation>
    </message>
    <message>
        <source>已写出加密传递副本并回读一致：
{path}
{size}，{cipher}

归档包本身未加密。接收方在“文件 → 解密传递副本…”中用同一口令解密回归档包。</source>
        <translation>Encrypted transport copy written and read back identical:
{path}
{size}, {cipher}

The archive package itself is not encrypted. The receiving desk decrypts it back to the package in “File → Decrypt transport copy…” with the same passphrase.</translation>
    </message>
    <message>
        <source>正在写加密传递副本…</source>
        <translation>Writing the encrypted transport copy…</translation>
    </message>
    <message>
        <source>选择加密传递副本</source>
        <translation>Choose an encrypted transport copy</translation>
    </message>
    <message>
        <source>加密传递副本 (*.zip.enc *.enc)</source>
        <translation>Encrypted transport copies (*.zip.enc *.enc)</translation>
    </message>
    <message>
        <source>解密后的归档包存放到</source>
        <translation>Store the decrypted archive package in</translation>
    </message>
    <message>
        <source>已解密为归档包</source>
        <translation>Decrypted to an archive package</translation>
    </message>
    <message>
        <source>传递副本已解密、校验并写出为归档包：
{path}</source>
        <translation>The transport copy was decrypted, verified and written as the archive package:
{path}</translation>
    </message>
    <message>
        <source>正在解密传递副本…</source>
        <translation>Decrypting the transport copy…</translation>
    </message>
    <message>
        <source>不能恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>操作日志回退</source>
        <translation>Audit log rollback</translation>
    </message>
    <message>
        <source>请写明恢复的理由（记入操作日志）：</source>
        <translation>State why you restore it (kept in the audit log):</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>

用它替换当前台账？当前台账会先另存到 backups 文件夹。恢复后督办台将关闭，请重新打开。</source>
        <translation>

Replace the current ledger with it? The current ledger is first set aside in the backups folder. Duban Desk closes after the restore; please open it again.</translation>
    </message>
    <message>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>台账已恢复。原台账另存为：
{aside}
督办台将关闭，请重新打开。</source>
        <translation>The ledger has been restored. The previous ledger was set aside as:
{aside}
Duban Desk will close; please open it again.</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>离机备份：{d} 天前</source>
        <translation>Off-PC backup: {d} days ago</translation>
    </message>
    <message>
        <source>台账还从未备份或归档到移动介质，请尽快备份到U盘等移动介质。</source>
        <translation>The ledger has never been backed up or archived to removable media; back it up to a USB stick soon.</translation>
    </message>
    <message>
        <source>已有 {d} 天没有把台账备份到移动介质，请尽快备份。</source>
        <translation>The ledger has not been backed up to removable media for {d} days; back it up soon.</translation>
    </message>
    <message>
        <source>文件 → 备份台账… 可备份到U盘。</source>
        <translation>File → Back up ledger… backs up to a USB stick.</translation>
    </message>
    <message>
        <source>今日自动备份未完成：{reason}</source>
        <translation>Today&apos;s automatic backup was not made: {reason}</translation>
    </message>
    <message>
        <source>正在自动备份台账…</source>
        <translation>Backing up the ledger automatically…</translation>
    </message>
    <message>
        <source>导出归档包（年度或时间段）…</source>
        <translation>Export archive package (year or period)…</translation>
    </message>
    <message>
        <source>校验归档包…</source>
        <translation>Verify archive package…</translation>
    </message>
    <message>
        <source>浏览归档包…</source>
        <translation>Browse archive package…</translation>
    </message>
    <message>
        <source>导入别处的归档包…</source>
        <translation>Import an archive package from elsewhere…</translation>
    </message>
    <message>
        <source>写加密传递副本…</source>
        <translation>Write encrypted transport copy…</translation>
    </message>
    <message>
        <source>解密传递副本…</source>
        <translation>Decrypt transport copy…</translation>
    </message>
    <message>
        <source>备份台账…</source>
        <translation>Back up ledger…</translation>
    </message>
    <message>
        <source>从备份恢复台账…</source>
        <translation>Restore ledger from backup…</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. number</translation>
    </message>
    <message>
        <source>题名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>未通过</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>未检</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>四性</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <source>检测项目</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>归档包校验</source>
        <translation>Archive package check</translation>
    </message>
    <message>
        <source>导入归档包</source>
        <translation>Import archive package</translation>
    </message>
    <message>
        <source>新增 {n} 件，将以只读方式复制到：
{target}</source>
        <translation>{n} new items, to be copied read-only to:
{target}</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>归档包（只读）：{name}</source>
        <translation>Archive package (read-only): {name}</translation>
    </message>
    <message>
        <source>{issuer}&#x3000;{year}年度&#x3000;全宗号 {fonds}&#x3000;共 {n} 件&#x3000;{summary}</source>
        <translation>{issuer}&#x3000;year {year}&#x3000;fonds {fonds}&#x3000;{n} items&#x3000;{summary}</translation>
    </message>
    <message>
        <source>写入到（移动介质排在前面）：</source>
        <translation>Write to (removable media first):</translation>
    </message>
    <message>
        <source>其他文件夹…</source>
        <translation>Other folder…</translation>
    </message>
    <message>
        <source>打包为单个 ZIP 文件</source>
        <translation>Pack as one ZIP file</translation>
    </message>
    <message>
        <source>这份副本将带离本机（计入“离机备份”提醒）</source>
        <translation>This copy leaves the PC (counts for the off-PC backup reminder)</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Enter it again</translation>
    </message>
    <message>
        <source>用口令加密（恢复时须输入同一口令，口令遗失则无法恢复）</source>
        <translation>Encrypt with a passphrase (the same passphrase is needed to restore; a lost passphrase cannot be recovered)</translation>
    </message>
    <message>
        <source>用口令加密（接收方解密时须输入同一口令，口令遗失则无法解密）</source>
        <translation>Encrypt with a passphrase (the receiving desk needs the same passphrase; a lost passphrase cannot be recovered)</translation>
    </message>
    <message>
        <source>加密算法：</source>
        <translation>Algorithm:</translation>
    </message>
    <message>
        <source>口令（至少 8 位）</source>
        <translation>Passphrase (at least 8 characters)</translation>
    </message>
    <message>
        <source>口令至少 8 个字符。</source>
        <translation>The passphrase needs at least 8 characters.</translation>
    </message>
    <message>
        <source>两次输入的口令不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>只导出其中一段：</source>
        <translation>Export only a period of it:</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>档号按年度连续编号：时间段内的公文沿用其在全年度中的件号。</source>
        <translation>Archival codes are numbered through the year: documents in the period keep their item numbers of the whole year.</translation>
    </message>
    <message>
        <source>移动介质</source>
        <translation>Removable medium</translation>
    </message>
    <message>
        <source>本机磁盘</source>
        <translation>Local disk</translation>
    </message>
    <message>
        <source>{label}&#x3000;{kind}，剩余 {free}&#x3000;{path}</source>
        <translation>{label}&#x3000;{kind}, {free} free&#x3000;{path}</translation>
    </message>
    <message>
        <source>未发现U盘等移动介质。请插入后重试，或选择其他文件夹。</source>
        <translation>No USB stick or other removable medium found. Insert one and try again, or choose another folder.</translation>
    </message>
    <message>
        <source>选择文件夹</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <source>{path}（剩余 {free}）</source>
        <translation>{path} ({free} free)</translation>
    </message>
    <message>
        <source>约需 {size}，剩余 {free}，空间足够。</source>
        <translation>About {size} needed, {free} free: enough room.</translation>
    </message>
    <message>
        <source>约需 {size}（按两倍预留），该位置只剩 {free}，放不下。请换一个更大的移动介质。</source>
        <translation>About {size} needed (twice reserved); only {free} left there, not enough. Please use a larger removable medium.</translation>
    </message>
    <message>
        <source>考核</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>新建方案</source>
        <translation>New scheme</translation>
    </message>
    <message>
        <source>保存方案</source>
        <translation>Save scheme</translation>
    </message>
    <message>
        <source>定稿</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <source>优秀资格审核…</source>
        <translation>Review for excellent…</translation>
    </message>
    <message>
        <source>领导小组审定…</source>
        <translation>Leading group&apos;s decision…</translation>
    </message>
    <message>
        <source>生成考核结果通报</source>
        <translation>Assessment results circular</translation>
    </message>
    <message>
        <source>保存评分</source>
        <translation>Save scores</translation>
    </message>
    <message>
        <source>考核年度</source>
        <translation>Assessment year</translation>
    </message>
    <message>
        <source>考核结果（{0}）</source>
        <translation>Assessment results ({0})</translation>
    </message>
    <message>
        <source>{0}年度</source>
        <translation>Year {0}</translation>
    </message>
    <message>
        <source>切换考核年度</source>
        <translation>switching the assessment year</translation>
    </message>
    <message>
        <source>{0}年度还没有考核方案。</source>
        <translation>There is no assessment scheme for {0} yet.</translation>
    </message>
    <message>
        <source>{0}（{1}）；截至 {2}</source>
        <translation>{0} ({1}); as of {2}</translation>
    </message>
    <message>
        <source>；等次经{0}于{1}审定（纪要{2}）</source>
        <translation>; grades decided by {0} on {1} (minutes {2})</translation>
    </message>
    <message>
        <source>考核未定稿时才能审核资格。</source>
        <translation>Eligibility is reviewed before the year is finalised.</translation>
    </message>
    <message>
        <source>只有已定稿的年度需要重新打开。</source>
        <translation>Only a finalised year needs reopening.</translation>
    </message>
    <message>
        <source>该年度已有方案。</source>
        <translation>This year already has a scheme.</translation>
    </message>
    <message>
        <source>方案已发布或定稿，不能修改。</source>
        <translation>The scheme is published or finalised and cannot be changed.</translation>
    </message>
    <message>
        <source>没有可定稿的方案。</source>
        <translation>No scheme to finalise.</translation>
    </message>
    <message>
        <source>没有可录入的评分。</source>
        <translation>There are no scores to enter.</translation>
    </message>
    <message>
        <source>拟定等次</source>
        <translation>Proposed grade</translation>
    </message>
    <message>
        <source>审定等次</source>
        <translation>Decided grade</translation>
    </message>
    <message>
        <source>浅黄色格为人工评分或人工认定次数：直接输入，或从 Excel/WPS 复制整块粘贴（Ctrl+V），Ctrl+D 向下填充，Delete 清除，Ctrl+Z 撤销，右键有同样的操作；改过的格加粗，点“保存评分”一并保存（Ctrl+S）。灰字为尚未评分、按基本分计。</source>
        <translation>Light yellow cells are manual scores or manually counted items: type in them, or paste whole blocks copied from Excel/WPS (Ctrl+V); Ctrl+D fills down, Delete clears, Ctrl+Z undoes, the right-click menu has the same actions; changed cells are bold, and “Save scores” saves them all (Ctrl+S). Grey figures are not scored yet and count at the base score.</translation>
    </message>
    <message>
        <source>考核评分：{0} 格已修改，未保存（保存评分）</source>
        <translation>Assessment scores: {0} cells changed, not saved (Save scores)</translation>
    </message>
    <message>
        <source>没有需要保存的评分。</source>
        <translation>No scores need saving.</translation>
    </message>
    <message>
        <source>{0}一票否决事由：</source>
        <translation>Reason for the veto of {0}:</translation>
    </message>
    <message>
        <source>已保存 {0} 项评分，得分、排名和等次已重新计算。</source>
        <translation>{0} scores saved; scores, ranks and grades recomputed.</translation>
    </message>
    <message>
        <source>请先在结果表中选择一个单位。</source>
        <translation>Choose a unit in the results first.</translation>
    </message>
    <message>
        <source>请先定稿。</source>
        <translation>Finalise first.</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>{0}
（{1}）</source>
        <translation>{0}
({1})</translation>
    </message>
    <message>
        <source>{0}
（次）</source>
        <translation>{0}
(times)</translation>
    </message>
    <message>
        <source>加减分</source>
        <translation>Bonus/deduction</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>尚未评分，按基本分计</source>
        <translation>Not scored yet; counted at the base score</translation>
    </message>
    <message>
        <source>已定稿：得分、排名和等次已冻结。</source>
        <translation>Finalised: scores, ranks and grades are frozen.</translation>
    </message>
    <message>
        <source>（优秀资格：符合）</source>
        <translation>(eligible for excellent)</translation>
    </message>
    <message>
        <source>（优秀资格：不符合）</source>
        <translation>(not eligible for excellent)</translation>
    </message>
    <message>
        <source>（一票否决）</source>
        <translation>(veto)</translation>
    </message>
    <message>
        <source>一票否决</source>
        <translation>Veto</translation>
    </message>
    <message>
        <source>考核方案已保存。</source>
        <translation>Assessment scheme saved.</translation>
    </message>
    <message>
        <source>定稿后得分、排名和等次将冻结，方案和人工评分不能再改。确定定稿{0}年度考核吗？</source>
        <translation>After finalising, scores, ranks and grades are frozen and the scheme and manual scores can no longer change. Finalise the {0} assessment?</translation>
    </message>
    <message>
        <source>台账计算</source>
        <translation>Computed from the ledger</translation>
    </message>
    <message>
        <source>人工评分</source>
        <translation>Scored by hand</translation>
    </message>
    <message>
        <source>“{0}”应为数字：{1}</source>
        <translation>“{0}” must be a number: {1}</translation>
    </message>
    <message>
        <source>应为数字（收到“{0}”）</source>
        <translation>should be a number (got “{0}”)</translation>
    </message>
    <message>
        <source>应为整数（收到“{0}”）</source>
        <translation>should be a whole number (got “{0}”)</translation>
    </message>
    <message>
        <source>考核方案</source>
        <translation>Assessment scheme</translation>
    </message>
    <message>
        <source>方案名称</source>
        <translation>Scheme name</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>评分方式</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>基本分</source>
        <translation>Base score</translation>
    </message>
    <message>
        <source>数据提供单位</source>
        <translation>Data owner</translation>
    </message>
    <message>
        <source>加减分项</source>
        <translation>Bonus/deduction items</translation>
    </message>
    <message>
        <source>计分依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>每次分值</source>
        <translation>Points each</translation>
    </message>
    <message>
        <source>封顶</source>
        <translation>Cap</translation>
    </message>
    <message>
        <source>所扣指标</source>
        <translation>Deducted from</translation>
    </message>
    <message>
        <source>重复倍数</source>
        <translation>Repeat factor</translation>
    </message>
    <message>
        <source>敏感时段倍数</source>
        <translation>Sensitive-period factor</translation>
    </message>
    <message>
        <source>增加指标</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <source>删除所选指标</source>
        <translation>Remove selected indicator</translation>
    </message>
    <message>
        <source>分数线（≥）</source>
        <translation>Threshold (≥)</translation>
    </message>
    <message>
        <source>评分来源</source>
        <translation>Scoring source</translation>
    </message>
    <message>
        <source>起（月-日）</source>
        <translation>From (MM-DD)</translation>
    </message>
    <message>
        <source>止（月-日）</source>
        <translation>To (MM-DD)</translation>
    </message>
    <message>
        <source>时段</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>指标和权重（合计 100）</source>
        <translation>Indicators and weights (total 100)</translation>
    </message>
    <message>
        <source>一票否决的处理</source>
        <translation>What the veto does</translation>
    </message>
    <message>
        <source>限定的最高等次</source>
        <translation>Highest grade allowed</translation>
    </message>
    <message>
        <source>加减分项（负数为扣分；一票否决为一次性扣分时，扣其“每次分值”）</source>
        <translation>Bonus and deduction items (negative deducts; a veto that deducts once takes its “points per event”)</translation>
    </message>
    <message>
        <source>等次分数线（从高到低）</source>
        <translation>Grade thresholds (high to low)</translation>
    </message>
    <message>
        <source>增加来源</source>
        <translation>Add source</translation>
    </message>
    <message>
        <source>删除所选来源</source>
        <translation>Remove selected source</translation>
    </message>
    <message>
        <source>增加时段</source>
        <translation>Add period</translation>
    </message>
    <message>
        <source>删除所选时段</source>
        <translation>Remove selected period</translation>
    </message>
    <message>
        <source>人工评分指标的评分来源及权重（合计 100；不分来源则留空）</source>
        <translation>Scoring sources of the manual indicators and their weights (sum 100; leave empty for one score)</translation>
    </message>
    <message>
        <source>敏感时段（其间发生的扣分事件按各项的“敏感时段倍数”计）</source>
        <translation>Sensitive periods (deduction events in them count by each item&apos;s “sensitive-period factor”)</translation>
    </message>
    <message>
        <source>来源与时段</source>
        <translation>Sources and periods</translation>
    </message>
    <message>
        <source>来源权重合计：{0}</source>
        <translation>Source weights total: {0}</translation>
    </message>
    <message>
        <source>不分来源</source>
        <translation>One score</translation>
    </message>
    <message>
        <source>新指标</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <source>权重合计：{0}</source>
        <translation>Total weight: {0}</translation>
    </message>
    <message>
        <source>权重应为整数：{0}</source>
        <translation>Weights must be whole numbers: {0}</translation>
    </message>
    <message>
        <source>来源权重应为正整数：{0}</source>
        <translation>A source weight must be a positive whole number: {0}</translation>
    </message>
    <message>
        <source>分数线</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>新建台账</source>
        <translation>New ledger</translation>
    </message>
    <message>
        <source>如：江城市平安建设领导小组办公室</source>
        <translation>e.g. Jiangcheng Municipal Public Safety Leading Group Office</translation>
    </message>
    <message>
        <source>如：平安办</source>
        <translation>the short name used in document numbers</translation>
    </message>
    <message>
        <source>台账：{place}</source>
        <translation>Ledger: {place}</translation>
    </message>
    <message>
        <source>这是一个新台账，还没有任何账号。请设置系统管理员账号和它自己的密码；登录后再建立安全管理员、审计管理员账号（三员分立），并在“用户管理”中增加科员和领导账号。</source>
        <translation>This is a new ledger with no accounts yet. Set up the system administrator&apos;s account and its own password; after signing in, create the security and audit administrator accounts (three separate administrators), and add clerk and leader accounts under Users.</translation>
    </message>
    <message>
        <source>系统管理员用户名</source>
        <translation>System administrator&apos;s user name</translation>
    </message>
    <message>
        <source>再输一次密码</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>发文机关全称</source>
        <translation>Issuing office (full name)</translation>
    </message>
    <message>
        <source>发文字号机关代字</source>
        <translation>Office code in document numbers</translation>
    </message>
    <message>
        <source>改用演示台账（江城市）</source>
        <translation>Use the demo ledger (Jiangcheng) instead</translation>
    </message>
    <message>
        <source>在这个台账中生成演示数据（仅供试用：其公开的演示密码不能用在正式台账中）。账号 admin / duban-admin、security / duban-security、auditor / duban-auditor、clerk / duban-clerk、leader / duban-leader</source>
        <translation>Fill this ledger with demo data (for trying out only: its published demo passwords must not be used in a real ledger). Accounts admin / duban-admin, security / duban-security, auditor / duban-auditor, clerk / duban-clerk, leader / duban-leader</translation>
    </message>
    <message>
        <source>登录督办台</source>
        <translation>Sign in to Duban Desk</translation>
    </message>
    <message>
        <source>正在打开台账……</source>
        <translation>Opening the ledger…</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>当前账号为只读（领导），不能修改台账。</source>
        <translation>This account is read-only (leader) and cannot change the ledger.</translation>
    </message>
    <message>
        <source>延期申请由领导审批，当前账号无此权限。</source>
        <translation>Extension requests are approved by a leader; this account may not.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消，请稍候…</source>
        <translation>Cancelling, please wait…</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>生成会议材料…</source>
        <translation>Make meeting pack…</translation>
    </message>
    <message>
        <source>{lamp}任务</source>
        <translation>{lamp} tasks</translation>
    </message>
    <message>
        <source>全部任务</source>
        <translation>All tasks</translation>
    </message>
    <message>
        <source>按状态</source>
        <translation>By status</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>导出 XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>用户名或姓名</source>
        <translation>user name or name</translation>
    </message>
    <message>
        <source>对象、编号或摘要中的文字</source>
        <translation>text in the object, number or summary</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>自</source>
        <translation>From</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>共 {n} 条，第 {page}/{pages} 页</source>
        <translation>{n} entries, page {page}/{pages}</translation>
    </message>
    <message>
        <source>导出操作日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>操作日志.xlsx</source>
        <translation>audit-log.xlsx</translation>
    </message>
    <message>
        <source>已导出操作日志 {n} 条：{path}</source>
        <translation>{n} audit log entries exported: {path}</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>红灯原因</source>
        <translation>Why red</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>按牵头单位</source>
        <translation>By lead unit</translation>
    </message>
    <message>
        <source>按重点工程</source>
        <translation>By key project</translation>
    </message>
    <message>
        <source>预警理由</source>
        <translation>Why it may turn red</translation>
    </message>
    <message>
        <source>下期可能亮红灯</source>
        <translation>May turn red next period</translation>
    </message>
    <message>
        <source>督办事项提醒</source>
        <translation>Item reminders</translation>
    </message>
    <message>
        <source>双击一行查看其任务；双击绿、黄、红列只看该颜色的任务</source>
        <translation>Double-click a row to see its tasks; double-click the green, yellow or red column to see only tasks of that colour</translation>
    </message>
    <message>
        <source>正在汇总台账…</source>
        <translation>Summing up the ledger…</translation>
    </message>
    <message>
        <source>正在推算下期亮灯…</source>
        <translation>Forecasting next period&apos;s lamps…</translation>
    </message>
    <message>
        <source>督办事项提醒（{n}）</source>
        <translation>Item reminders ({n})</translation>
    </message>
    <message>
        <source>下期可能亮红灯（{n}）</source>
        <translation>May turn red next period ({n})</translation>
    </message>
    <message>
        <source>按各任务近期报送趋势推算，双击打开任务</source>
        <translation>Forecast from each task&apos;s recent reports; double-click to open the task</translation>
    </message>
    <message>
        <source>红灯任务及原因（{n} 项，双击打开）</source>
        <translation>Red tasks and why ({n}, double-click to open)</translation>
    </message>
    <message>
        <source>{d} 天内到期（{n} 项）</source>
        <translation>Due within {d} days ({n})</translation>
    </message>
    <message>
        <source>台账中还没有任务</source>
        <translation>No tasks in the ledger yet</translation>
    </message>
    <message>
        <source>各重点工程：报送进度与序时进度（%）</source>
        <translation>Key projects: reported and scheduled progress (%)</translation>
    </message>
    <message>
        <source>报送进度</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>序时进度</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>各重点工程：资金计划、到位与支出（万元）</source>
        <translation>Key projects: funds planned, arrived and spent (10,000 yuan)</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>到位</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>支出</source>
        <translation>Spent</translation>
    </message>
    <message>
        <source>点击柱形查看该工程的任务</source>
        <translation>Click a bar to see the project&apos;s tasks</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <source>选择报回的报送表</source>
        <translation>Choose the returned report sheets</translation>
    </message>
    <message>
        <source>选择存放报送表的文件夹（如U盘）</source>
        <translation>Choose the folder with the report sheets (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>正在读取报送表…</source>
        <translation>Reading the report sheets…</translation>
    </message>
    <message>
        <source>导入报送表</source>
        <translation>importing report sheets</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <source>已导出台账：{path}（任务 {n} 项）</source>
        <translation>Ledger exported: {path} ({n} tasks)</translation>
    </message>
    <message>
        <source>正在导出台账…</source>
        <translation>Exporting the ledger…</translation>
    </message>
    <message>
        <source>生成报送模板</source>
        <translation>Make report templates</translation>
    </message>
    <message>
        <source>报送期次：</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <source>模板保存到哪个文件夹</source>
        <translation>Folder to save the templates in</translation>
    </message>
    <message>
        <source>已为 {n} 个单位生成{label}报送模板，保存在：
{folder}</source>
        <translation>Report templates for {label} made for {n} units, saved in:
{folder}</translation>
    </message>
    <message>
        <source>正在生成报送模板…</source>
        <translation>Making report templates…</translation>
    </message>
    <message>
        <source>生成报送模板…</source>
        <translation>Make report templates…</translation>
    </message>
    <message>
        <source>导入报送表（选择文件）…</source>
        <translation>Import report sheets (choose files)…</translation>
    </message>
    <message>
        <source>导入报送表（整个文件夹）…</source>
        <translation>Import report sheets (whole folder)…</translation>
    </message>
    <message>
        <source>导出台账为 Excel…</source>
        <translation>Export ledger to Excel…</translation>
    </message>
    <message>
        <source>生成模板</source>
        <translation>Make templates</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>已有，跳过</source>
        <translation>Exists, skipped</translation>
    </message>
    <message>
        <source>有误</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <source>不导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>任务编号</source>
        <translation>Task code</translation>
    </message>
    <message>
        <source>任务名称</source>
        <translation>Task name</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>选择原有台账</source>
        <translation>Choose the existing ledger</translation>
    </message>
    <message>
        <source>选择本办原来用 Excel/WPS 记的任务台账（.xlsx）。导入前会先预览，不会改动原文件。</source>
        <translation>Choose the task ledger the office kept in Excel/WPS (.xlsx). It is previewed before import; the original file is not changed.</translation>
    </message>
    <message>
        <source>台账文件路径</source>
        <translation>Path of the ledger file</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>找不到文件“{path}”。</source>
        <translation>File “{path}” not found.</translation>
    </message>
    <message>
        <source>“{name}”中没有可见的工作表。</source>
        <translation>“{name}” has no visible worksheet.</translation>
    </message>
    <message>
        <source>工作表与表头</source>
        <translation>Worksheet and header</translation>
    </message>
    <message>
        <source>选择任务所在的工作表，以及列名（任务名称、牵头单位……）所在的行。</source>
        <translation>Choose the worksheet with the tasks, and the row with the column names (task name, lead unit…).</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Worksheet</translation>
    </message>
    <message>
        <source>表头所在行</source>
        <translation>Header row</translation>
    </message>
    <message>
        <source>该行的内容：</source>
        <translation>That row contains:</translation>
    </message>
    <message>
        <source>{name}（{rows} 行）</source>
        <translation>{name} ({rows} rows)</translation>
    </message>
    <message>
        <source>（该行为空）</source>
        <translation>(the row is empty)</translation>
    </message>
    <message>
        <source>第 {row} 行是空的，请选择列名所在的行。</source>
        <translation>Row {row} is empty; choose the row with the column names.</translation>
    </message>
    <message>
        <source>列的对应</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>为每个字段选择表中对应的列（带 * 的必须选择）。已按列名和上次的选择预先填好，导入后会记住本次的对应。</source>
        <translation>Choose the column of the sheet for each field (those marked * are required). Pre-filled from the column names and the last choice; the choice is remembered after the import.</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>核对将要导入的任务。全部无误才能导入；导入在一个事务中完成，要么全部成功，要么不变。</source>
        <translation>Check the tasks to be imported. Only a sheet without errors can be imported; the import is one transaction: all of it or nothing.</translation>
    </message>
    <message>
        <source>“{file}”工作表“{sheet}”：新增 {new} 项，已有 {exists} 项（跳过），有误 {bad} 项，脚注和合计等不导入的行 {skipped} 行。</source>
        <translation>“{file}” sheet “{sheet}”: {new} new, {exists} existing (skipped), {bad} invalid, {skipped} rows not imported (footnotes, totals and the like).</translation>
    </message>
    <message>
        <source>将新建单位：{units}
将新建重点工程：{projects}</source>
        <translation>Units to be created: {units}
Key projects to be created: {projects}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>
完成比例、进展和资金按截至 {day} 导入。</source>
        <translation>
Percent done, progress and funds are imported as of {day}.</translation>
    </message>
    <message>
        <source>有 {n} 行有误，不能导入。请在原表中改正后返回上一步重新预览：</source>
        <translation>{n} rows are invalid and nothing can be imported. Correct them in the original sheet, then go back a step and preview again:</translation>
    </message>
    <message>
        <source>表中的任务台账里都已有，无需导入。</source>
        <translation>Every task in the sheet is already in the ledger; nothing to import.</translation>
    </message>
    <message>
        <source>导入原有台账</source>
        <translation>Import existing ledger</translation>
    </message>
    <message>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>导入原有台账（首次使用）…</source>
        <translation>Import existing ledger (first use)…</translation>
    </message>
    <message>
        <source>导入原有台账…</source>
        <translation>Import existing ledger…</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>导入报送表 — 预览</source>
        <translation>Import report sheets — preview</translation>
    </message>
    <message>
        <source>共 {files} 个文件，拒收 {refused} 个；{counts}。</source>
        <translation>{files} files, {refused} refused; {counts}.</translation>
    </message>
    <message>
        <source>无内容</source>
        <translation>no content</translation>
    </message>
    <message>
        <source>以下文件被拒收。有文件被拒收时不导入任何内容：请让单位改正后重报，或移出这些文件。</source>
        <translation>The files below were refused. While any file is refused nothing is imported: ask the unit to correct and resend it, or remove these files.</translation>
    </message>
    <message>
        <source>移出拒收的文件并重新预览</source>
        <translation>Remove the refused files and preview again</translation>
    </message>
    <message>
        <source> 内容与台账一致，无需导入。</source>
        <translation> The content matches the ledger; nothing to import.</translation>
    </message>
    <message>
        <source>登记资金</source>
        <translation>Record funds</translation>
    </message>
    <message>
        <source>登记资金 — {task}</source>
        <translation>Record funds — {task}</translation>
    </message>
    <message>
        <source>万元，如 125 或 12.5；按元填写请写明“元”，如 1250000元</source>
        <translation>in 10,000 yuan, e.g. 125 or 12.5; to enter yuan, put “元” after the number</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>金额（万元）</source>
        <translation>Amount (10k yuan)</translation>
    </message>
    <message>
        <source>计划（万元）</source>
        <translation>Planned (10k yuan)</translation>
    </message>
    <message>
        <source>到位（万元）</source>
        <translation>Arrived (10k yuan)</translation>
    </message>
    <message>
        <source>支出（万元）</source>
        <translation>Spent (10k yuan)</translation>
    </message>
    <message>
        <source>到位率</source>
        <translation>Arrival rate</translation>
    </message>
    <message>
        <source>支出率</source>
        <translation>Spending rate</translation>
    </message>
    <message>
        <source>资金</source>
        <translation>Funds</translation>
    </message>
    <message>
        <source>登记资金…</source>
        <translation>Record funds…</translation>
    </message>
    <message>
        <source>按资金来源</source>
        <translation>By source of funds</translation>
    </message>
    <message>
        <source>按来源：计划、到位与支出</source>
        <translation>By source: planned, arrived and spent</translation>
    </message>
    <message>
        <source>按任务（双击打开任务）</source>
        <translation>By task (double-click to open the task)</translation>
    </message>
    <message>
        <source>合计：计划 {b} 万元，到位 {a} 万元（到位率 {ar}），支出 {s} 万元（支出率 {sr}）</source>
        <translation>Total: planned {b}, arrived {a} (rate {ar}), spent {s} (rate {sr}), in 10,000 yuan</translation>
    </message>
    <message>
        <source>请先在左侧表格中选中一项任务。</source>
        <translation>Select a task in the table on the left first.</translation>
    </message>
    <message>
        <source>四、整改情况</source>
        <translation>4. Rectification report</translation>
    </message>
    <message>
        <source>登记整改情况</source>
        <translation>Record the rectification</translation>
    </message>
    <message>
        <source>报告日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>证明材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>单位报送的整改进展和完成情况</source>
        <translation>The unit&apos;s report on rectification progress and completion</translation>
    </message>
    <message>
        <source>（未选择）</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>随附证明材料</source>
        <translation>Attach evidence</translation>
    </message>
    <message>
        <source>无法读取文件“{n}”：{e}</source>
        <translation>Cannot read file “{n}”: {e}</translation>
    </message>
    <message>
        <source>五、核实销号</source>
        <translation>5. Verification and closing</translation>
    </message>
    <message>
        <source>核实销号</source>
        <translation>Verify and close</translation>
    </message>
    <message>
        <source>核实情况</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>对账核实的情况；认定未完成时写明未完成事项</source>
        <translation>What was checked; when not completed, say what is left undone</translation>
    </message>
    <message>
        <source>认定未完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <source>{d} 核实完成，对账销号。</source>
        <translation>{d} verified as completed and closed.</translation>
    </message>
    <message>
        <source>{d} 认定逾期未完成整改。</source>
        <translation>{d} found not completed by the deadline.</translation>
    </message>
    <message>
        <source>，已逾期</source>
        <translation>, overdue</translation>
    </message>
    <message>
        <source>整改期限 {d}{late}。</source>
        <translation>Rectification deadline {d}{late}.</translation>
    </message>
    <message>
        <source>整改期限届满仍未完成时，认定未完成并提出问责</source>
        <translation>When the deadline has passed and the rectification is not complete, find it not completed and propose accountability</translation>
    </message>
    <message>
        <source>认定{u}的整改未完成？此后只能进入问责，不能再核实销号。</source>
        <translation>Find {u}&apos;s rectification not completed? After this only accountability can follow; it can no longer be verified and closed.</translation>
    </message>
    <message>
        <source>六、问责</source>
        <translation>6. Accountability</translation>
    </message>
    <message>
        <source>登记此步骤</source>
        <translation>Record this step</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>执行与申诉</source>
        <translation>Execution and appeal</translation>
    </message>
    <message>
        <source>登记步骤</source>
        <translation>Step to record</translation>
    </message>
    <message>
        <source>（可选）</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <source>生成所选步骤文书</source>
        <translation>Draft the selected step&apos;s paper</translation>
    </message>
    <message>
        <source>更正所选步骤…</source>
        <translation>Correct selected step…</translation>
    </message>
    <message>
        <source>尚未启动问责：须经主要负责人批准。</source>
        <translation>Accountability not started: it needs the principal leader&apos;s approval.</translation>
    </message>
    <message>
        <source>此问责决定登记于程序步骤启用之前。</source>
        <translation>This decision was recorded before the due-process steps were kept.</translation>
    </message>
    <message>
        <source>已决定{0}，问责程序终结（无须执行，不设申诉期）。</source>
        <translation>Decided: {0}; the accountability procedure has ended (nothing to carry out, no appeal window).</translation>
    </message>
    <message>
        <source>尚未作出问责决定。</source>
        <translation>No decision yet.</translation>
    </message>
    <message>
        <source>；申诉期至 {d}</source>
        <translation>; appeal open until {d}</translation>
    </message>
    <message>
        <source>；已办结</source>
        <translation>; closed</translation>
    </message>
    <message>
        <source>登记{0}</source>
        <translation>Record {0}</translation>
    </message>
    <message>
        <source>启动问责</source>
        <translation>Start accountability</translation>
    </message>
    <message>
        <source>批准人（主要负责人）</source>
        <translation>Approved by (principal leader)</translation>
    </message>
    <message>
        <source>批准人职务</source>
        <translation>Approver&apos;s post</translation>
    </message>
    <message>
        <source>批准意见</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>问责事由</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <source>成立调查组</source>
        <translation>Investigation group formed</translation>
    </message>
    <message>
        <source>调查组成员</source>
        <translation>Group members</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>Group leader</translation>
    </message>
    <message>
        <source>调查事项</source>
        <translation>Remit</translation>
    </message>
    <message>
        <source>调查认定</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>认定情形</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>认定事实</source>
        <translation>Facts found</translation>
    </message>
    <message>
        <source>责任划分</source>
        <translation>Responsibility</translation>
    </message>
    <message>
        <source>陈述申辩</source>
        <translation>Statement and defence</translation>
    </message>
    <message>
        <source>陈述申辩人</source>
        <translation>Stated by</translation>
    </message>
    <message>
        <source>陈述申辩意见</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>调查组对申辩的意见</source>
        <translation>Group&apos;s response</translation>
    </message>
    <message>
        <source>问责方式</source>
        <translation>Kind of accountability</translation>
    </message>
    <message>
        <source>决定机关</source>
        <translation>Deciding body</translation>
    </message>
    <message>
        <source>事实和依据</source>
        <translation>Facts and basis</translation>
    </message>
    <message>
        <source>决定机关文号</source>
        <translation>Deciding body&apos;s number</translation>
    </message>
    <message>
        <source>不予或免予问责</source>
        <translation>No accountability or exemption</translation>
    </message>
    <message>
        <source>通报组织部门</source>
        <translation>Organisation department told</translation>
    </message>
    <message>
        <source>组织部门</source>
        <translation>Organisation department</translation>
    </message>
    <message>
        <source>通报内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>执行完毕</source>
        <translation>Carried out</translation>
    </message>
    <message>
        <source>执行情况</source>
        <translation>Execution</translation>
    </message>
    <message>
        <source>提出申诉</source>
        <translation>Appeal filed</translation>
    </message>
    <message>
        <source>申诉人</source>
        <translation>Appellant</translation>
    </message>
    <message>
        <source>申诉理由</source>
        <translation>Grounds of appeal</translation>
    </message>
    <message>
        <source>申诉处理</source>
        <translation>Appeal decided</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>复查机关</source>
        <translation>Reviewing body</translation>
    </message>
    <message>
        <source>复查意见</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>问责对象</source>
        <translation>Held accountable</translation>
    </message>
    <message>
        <source>{u}逾期未完成约谈整改（整改期限 {d}）</source>
        <translation>{u} did not complete the interview&apos;s rectification in time (deadline {d})</translation>
    </message>
    <message>
        <source>登记{s}（决定机关：{b}）？登记后不能撤销，只能更正。</source>
        <translation>Record {s} (deciding body: {b})? Once recorded it cannot be undone, only corrected.</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <source>约谈</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <source>被约谈单位</source>
        <translation>Unit summoned</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>约谈事由</source>
        <translation>Reason for the interview</translation>
    </message>
    <message>
        <source>关联任务</source>
        <translation>Related tasks</translation>
    </message>
    <message>
        <source>提出日期</source>
        <translation>Proposed on</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>附件：</source>
        <translation>Attachments:</translation>
    </message>
    <message>
        <source>约谈（请在左侧选择）</source>
        <translation>Interview (choose on the left)</translation>
    </message>
    <message>
        <source>约谈 #{id}&#x3000;{u}</source>
        <translation>Interview #{id}&#x3000;{u}</translation>
    </message>
    <message>
        <source>全部约谈</source>
        <translation>All interviews</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>整改逾期</source>
        <translation>Rectification overdue</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>{d} 提出</source>
        <translation>proposed {d}</translation>
    </message>
    <message>
        <source>约谈事项</source>
        <translation>Interview cases</translation>
    </message>
    <message>
        <source>新的约谈从“督办”页采纳系统建议提出；选中一项，按右侧当前步骤办理。</source>
        <translation>A new interview is proposed from the Supervision page by accepting the desk&apos;s proposal; select one and work through the current step on the right.</translation>
    </message>
    <message>
        <source>{n} 项</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <source>打开另一项约谈</source>
        <translation>opening another interview</translation>
    </message>
    <message>
        <source>（已完成）</source>
        <translation> (done)</translation>
    </message>
    <message>
        <source>（当前步骤）</source>
        <translation> (current step)</translation>
    </message>
    <message>
        <source>（尚未进行）</source>
        <translation> (not yet)</translation>
    </message>
    <message>
        <source>已印发的公文不随之改变，如需更正请在“公文”页拟制更正件。</source>
        <translation>Documents already issued do not change with it; to correct one, draft a correction on the Documents page.</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>打开公文</source>
        <translation>Open document</translation>
    </message>
    <message>
        <source>此步骤不能修改。</source>
        <translation>This step cannot be edited.</translation>
    </message>
    <message>
        <source>（修改中）</source>
        <translation> (editing)</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>取消修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>一、约谈通知</source>
        <translation>1. Interview notice</translation>
    </message>
    <message>
        <source>发约谈通知</source>
        <translation>Send the interview notice</translation>
    </message>
    <message>
        <source>生成约谈通知书</source>
        <translation>Compose the interview notice</translation>
    </message>
    <message>
        <source>通知发出后、登记约谈记录前，可改期或更正地点、约谈人等。</source>
        <translation>After the notice is sent and before the record is entered, the date, place, interviewer etc. can be corrected.</translation>
    </message>
    <message>
        <source>约谈时间</source>
        <translation>Interview time</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>约谈人</source>
        <translation>Interviewer</translation>
    </message>
    <message>
        <source>约谈人职务</source>
        <translation>Interviewer&apos;s title</translation>
    </message>
    <message>
        <source>被约谈人</source>
        <translation>Person summoned</translation>
    </message>
    <message>
        <source>需携带材料</source>
        <translation>Materials to bring</translation>
    </message>
    <message>
        <source>联系人及电话</source>
        <translation>Contact and phone</translation>
    </message>
    <message>
        <source>约谈通知尚未发出：直接填写后点“发约谈通知”。</source>
        <translation>The interview notice has not been sent: fill it in and press “Send the interview notice”.</translation>
    </message>
    <message>
        <source>已登记约谈记录，约谈通知不能再改。</source>
        <translation>The interview record is entered; the notice can no longer change.</translation>
    </message>
    <message>
        <source>{u}主要负责人</source>
        <translation>head of {u}</translation>
    </message>
    <message>
        <source>二、约谈记录</source>
        <translation>2. Interview record</translation>
    </message>
    <message>
        <source>登记约谈记录</source>
        <translation>Enter the interview record</translation>
    </message>
    <message>
        <source>生成约谈记录</source>
        <translation>Compose the interview record</translation>
    </message>
    <message>
        <source>下达限期整改前，可更正约谈记录。</source>
        <translation>The record can be corrected until the rectification order is given.</translation>
    </message>
    <message>
        <source>参加人员</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>表态发言</source>
        <translation>Statements</translation>
    </message>
    <message>
        <source>整改承诺</source>
        <translation>Rectification commitments</translation>
    </message>
    <message>
        <source>尚未登记约谈记录。</source>
        <translation>No interview record yet.</translation>
    </message>
    <message>
        <source>已下达限期整改，约谈记录不能再改。</source>
        <translation>The rectification order is given; the record can no longer change.</translation>
    </message>
    <message>
        <source>三、限期整改</source>
        <translation>3. Rectification order</translation>
    </message>
    <message>
        <source>下达限期整改</source>
        <translation>Order rectification</translation>
    </message>
    <message>
        <source>生成限期整改通知书</source>
        <translation>Compose the rectification notice</translation>
    </message>
    <message>
        <source>单位报送整改情况前，可更正整改要求和期限（期限已过的不能再改期限）。</source>
        <translation>Until the unit reports on the rectification, the requirements and deadline can be corrected (a deadline already passed cannot be changed).</translation>
    </message>
    <message>
        <source>整改要求</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>尚未下达限期整改。</source>
        <translation>No rectification ordered yet.</translation>
    </message>
    <message>
        <source>整改已{s}，整改要求不能再改。</source>
        <translation>The rectification is {s}; the requirements can no longer change.</translation>
    </message>
    <message>
        <source>单位已报送整改情况，整改要求和期限不能再改。</source>
        <translation>The unit has reported on the rectification; requirements and deadline can no longer change.</translation>
    </message>
    <message>
        <source>绿灯</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>黄灯</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>红灯</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>重点工程</source>
        <translation>Key project</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>亮灯</source>
        <translation>Lamp</translation>
    </message>
    <message>
        <source>最近报送</source>
        <translation>Latest report</translation>
    </message>
    <message>
        <source>亮灯原因</source>
        <translation>Why this lamp</translation>
    </message>
    <message>
        <source>预警</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <source>下期可能红灯</source>
        <translation>May turn red</translation>
    </message>
    <message>
        <source>正在计算亮灯…</source>
        <translation>Computing lamps…</translation>
    </message>
    <message>
        <source>任务台账</source>
        <translation>Task ledger</translation>
    </message>
    <message>
        <source>新建任务…</source>
        <translation>New task…</translation>
    </message>
    <message>
        <source>催办选中任务…</source>
        <translation>Remind selected tasks…</translation>
    </message>
    <message>
        <source>对选中的每项任务向其牵头单位发出催办（先列出确认）</source>
        <translation>Send a reminder to the lead unit of every selected task (listed for confirmation first)</translation>
    </message>
    <message>
        <source>搜索编号、任务、单位、分管领导…</source>
        <translation>Search code, task, unit, leader in charge…</translation>
    </message>
    <message>
        <source>工程</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filter</translation>
    </message>
    <message>
        <source>双击或回车打开任务；Ctrl+C 复制选中行（可直接粘贴到 Excel/WPS）。</source>
        <translation>Double-click or Enter opens a task; Ctrl+C copies the selected rows (paste straight into Excel/WPS).</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>预警：下期可能红灯</source>
        <translation>Forecast: may turn red next period</translation>
    </message>
    <message>
        <source>共 {n} 项</source>
        <translation>{n} in all</translation>
    </message>
    <message>
        <source>搜索：{t}</source>
        <translation>search: {t}</translation>
    </message>
    <message>
        <source>任务台账（{filter}）</source>
        <translation>Task ledger ({filter})</translation>
    </message>
    <message>
        <source>请先在台账中选中要催办的任务。</source>
        <translation>Select the tasks to remind in the ledger first.</translation>
    </message>
    <message>
        <source>向以下 {n} 项任务的牵头单位发出催办（7 天内书面回复）？</source>
        <translation>Send reminders to the lead units of these {n} tasks (written reply within 7 days)?</translation>
    </message>
    <message>
        <source>批量催办</source>
        <translation>Remind in batch</translation>
    </message>
    <message>
        <source>已发出 {n} 条催办。</source>
        <translation>{n} reminders sent.</translation>
    </message>
    <message>
        <source>（进程 {pid}，计算机 {host}）</source>
        <translation> (process {pid}, computer {host})</translation>
    </message>
    <message>
        <source>该台账已在另一个督办台窗口中打开{who}。
同一台账同时只能由一个程序打开，以免两处修改互相覆盖。
请切换到已打开的窗口，或先关闭它再重试。
台账：{path}</source>
        <translation>This ledger is already open in another Duban Desk window{who}.
A ledger can be open in only one program at a time, so that changes do not overwrite each other.
Switch to the open window, or close it and try again.
Ledger: {path}</translation>
    </message>
    <message>
        <source>离开“{page}”</source>
        <translation>leaving “{page}”</translation>
    </message>
    <message>
        <source>打开任务</source>
        <translation>opening a task</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>复制选中行</source>
        <translation>Copy selected rows</translation>
    </message>
    <message>
        <source>查找任务…</source>
        <translation>Find task…</translation>
    </message>
    <message>
        <source>全文检索…</source>
        <translation>Search everything…</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>关闭窗口</source>
        <translation>closing the window</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>{place} — 督办台</source>
        <translation>{place} — Duban Desk</translation>
    </message>
    <message>
        <source>界面语言（Language）</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>日志文件位置</source>
        <translation>Log file location</translation>
    </message>
    <message>
        <source>导出诊断信息…</source>
        <translation>Export diagnostics…</translation>
    </message>
    <message>
        <source>用户：{name}（{role}）</source>
        <translation>User: {name} ({role})</translation>
    </message>
    <message>
        <source>{y}年{m}月{d}日</source>
        <translation>{y}-{m:02}-{d:02}</translation>
    </message>
    <message>
        <source>修改会议</source>
        <translation>Edit meeting</translation>
    </message>
    <message>
        <source>新建会议</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>例如：市平安建设领导小组2026年第四次全体会议</source>
        <translation>e.g. 4th plenary meeting of the municipal public safety leading group, 2026</translation>
    </message>
    <message>
        <source>姓名及职务，用顿号分隔</source>
        <translation>Names and titles, separated by 、</translation>
    </message>
    <message>
        <source>会议议题，一行一项</source>
        <translation>Agenda, one item per line</translation>
    </message>
    <message>
        <source>会议类别</source>
        <translation>Kind of meeting</translation>
    </message>
    <message>
        <source>会议名称</source>
        <translation>Meeting name</translation>
    </message>
    <message>
        <source>主持人</source>
        <translation>Chaired by</translation>
    </message>
    <message>
        <source>出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>请假</source>
        <translation>Absent (on leave)</translation>
    </message>
    <message>
        <source>列席</source>
        <translation>In attendance</translation>
    </message>
    <message>
        <source>议题</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>会议类别决定期号，登记后不能修改。</source>
        <translation>The kind of meeting sets its issue number and cannot change once recorded.</translation>
    </message>
    <message>
        <source>期号按年度编排，日期只能在{y}年内更正。</source>
        <translation>Issue numbers run per year; the date can only be corrected within {y}.</translation>
    </message>
    <message>
        <source>修改议定事项</source>
        <translation>Edit decision</translation>
    </message>
    <message>
        <source>新增议定事项</source>
        <translation>New decision</translation>
    </message>
    <message>
        <source>议定的事项、要求和时限</source>
        <translation>What was decided, requirements and time limit</translation>
    </message>
    <message>
        <source>（不指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <source>明确时限</source>
        <translation>Set a time limit</translation>
    </message>
    <message>
        <source>议定事项</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>已转为督办事项 #{id}，责任单位和时限不能再改；调整期限请到“督办”页修改该事项。</source>
        <translation>Turned into supervision item #{id}; responsible unit and time limit can no longer change. Change the deadline on the Supervision page.</translation>
    </message>
    <message>
        <source>主持</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>会议纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>会议</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>新建会议…</source>
        <translation>New meeting…</translation>
    </message>
    <message>
        <source>纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>已生成</source>
        <translation>Composed</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>新增议定事项…</source>
        <translation>New decision…</translation>
    </message>
    <message>
        <source>转为督办</source>
        <translation>Supervise</translation>
    </message>
    <message>
        <source>有责任单位和时限的议定事项可转为督办事项</source>
        <translation>A decision with a responsible unit and a time limit can become a supervision item</translation>
    </message>
    <message>
        <source>查看督办事项</source>
        <translation>Show supervision item</translation>
    </message>
    <message>
        <source>生成会议纪要</source>
        <translation>Compose the minutes</translation>
    </message>
    <message>
        <source>打开纪要</source>
        <translation>Open the minutes</translation>
    </message>
    <message>
        <source>修改会议…</source>
        <translation>Edit meeting…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>议定事项：</source>
        <translation>Decisions:</translation>
    </message>
    <message>
        <source>附件（签到表、会议材料等）：</source>
        <translation>Attachments (sign-in sheet, meeting papers…):</translation>
    </message>
    <message>
        <source>督办事项 #{id}（{s}）</source>
        <translation>Supervision item #{id} ({s})</translation>
    </message>
    <message>
        <source>可转督办</source>
        <translation>Can be supervised</translation>
    </message>
    <message>
        <source>会议（尚无会议，请新建）</source>
        <translation>Meetings (none yet; create one)</translation>
    </message>
    <message>
        <source>{t}（第{n}期）</source>
        <translation>{t} (issue {n})</translation>
    </message>
    <message>
        <source>已生成草稿或公文</source>
        <translation>Draft or document composed</translation>
    </message>
    <message>
        <source>尚未生成</source>
        <translation>Not composed yet</translation>
    </message>
    <message>
        <source>已生成的会议纪要不随之改变；已印发的请在“公文”页拟制更正件。</source>
        <translation>Minutes already composed do not change with it; for issued ones draft a correction on the Documents page.</translation>
    </message>
    <message>
        <source>请先选择会议</source>
        <translation>Choose a meeting first</translation>
    </message>
    <message>
        <source>更正日期、地点、主持人、出席/请假/列席人员和议题。</source>
        <translation>Correct the date, place, chair, those present, on leave or in attendance, and the agenda.</translation>
    </message>
    <message>
        <source>请先在上表中选中一项议定事项</source>
        <translation>Select a decision in the table above first</translation>
    </message>
    <message>
        <source>已转为督办的，只能修改内容，责任单位和时限以督办事项为准。</source>
        <translation>Once supervised, only the content can change; responsible unit and time limit follow the supervision item.</translation>
    </message>
    <message>
        <source>修改议定事项的内容、责任单位和时限。</source>
        <translation>Edit the content, responsible unit and time limit of the decision.</translation>
    </message>
    <message>
        <source>已转为督办事项 #{id}，不能删除。</source>
        <translation>Turned into supervision item #{id}; cannot be deleted.</translation>
    </message>
    <message>
        <source>删除误录的议定事项，其后的事项依次前移编号。</source>
        <translation>Delete a decision entered by mistake; the following ones move up a number.</translation>
    </message>
    <message>
        <source>删除议定事项</source>
        <translation>Delete decision</translation>
    </message>
    <message>
        <source>删除议定事项{n}“{c}”？其后的事项将依次前移编号。</source>
        <translation>Delete decision {n} “{c}”? The following decisions move up a number.</translation>
    </message>
    <message>
        <source>公文</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>生成进展通报…</source>
        <translation>Compose progress circular…</translation>
    </message>
    <message>
        <source>新建通知</source>
        <translation>New notice</translation>
    </message>
    <message>
        <source>新建请示、报告或函…</source>
        <translation>New request, report or letter…</translation>
    </message>
    <message>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>印发…</source>
        <translation>Issue…</translation>
    </message>
    <message>
        <source>拟制更正件</source>
        <translation>Draft a correction</translation>
    </message>
    <message>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>另存为 OFD…</source>
        <translation>Save as OFD…</translation>
    </message>
    <message>
        <source>发文字号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>一段一行；以“一、”“（一）”“1.”“（1）”开头的段落自动成为各级标题。</source>
        <translation>One paragraph per line; paragraphs starting with “一、”, “（一）”, “1.” or “（1）” become headings of each level.</translation>
    </message>
    <message>
        <source>公文内容</source>
        <translation>Document content</translation>
    </message>
    <message>
        <source>主送机关</source>
        <translation>Addressed to</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>附注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>抄送</source>
        <translation>Copied to</translation>
    </message>
    <message>
        <source>预览（打印和另存为的就是这份 PDF）</source>
        <translation>Preview (this PDF is what is printed and saved)</translation>
    </message>
    <message>
        <source>公文草稿“{t}”的修改</source>
        <translation>the edits of the draft “{t}”</translation>
    </message>
    <message>
        <source>打开另一份公文</source>
        <translation>opening another document</translation>
    </message>
    <message>
        <source>公文草稿“{title}”的修改</source>
        <translation>the changes to the draft “{title}”</translation>
    </message>
    <message>
        <source>份号，如 1（印为 000001）；不编号则留空</source>
        <translation>copy number, e.g. 1 (printed 000001); leave empty for none</translation>
    </message>
    <message>
        <source>密级：秘密 / 机密 / 绝密</source>
        <translation>classification as printed: 秘密 / 机密 / 绝密</translation>
    </message>
    <message>
        <source>保密期限，如 1年</source>
        <translation>secrecy period as printed, e.g. 1年</translation>
    </message>
    <message>
        <source>特急 / 加急</source>
        <translation>urgency as printed: 特急 / 加急</translation>
    </message>
    <message>
        <source>上行文（请示、报告）的签发人，多人用“、”分隔</source>
        <translation>signer of a document to a higher office (request, report); several separated by “、”</translation>
    </message>
    <message>
        <source>联合行文的其他发文机关，用“、”分隔</source>
        <translation>the other issuing offices of a joint document, separated by “、”</translation>
    </message>
    <message>
        <source>联系人（请示须注明，印在附注处）</source>
        <translation>Contact person (required on a request; printed in the note)</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>附件标题，一行一件；各附件另起一页</source>
        <translation>attachment titles, one per line; each attachment starts a new page</translation>
    </message>
    <message>
        <source>份号</source>
        <translation>Copy number</translation>
    </message>
    <message>
        <source>密级、保密期限</source>
        <translation>Classification, secrecy period</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>签发人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>联系人、电话</source>
        <translation>Contact, phone</translation>
    </message>
    <message>
        <source>联合发文机关</source>
        <translation>Joint issuing offices</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>登记簿中还没有公文。</source>
        <translation>No documents in the register yet.</translation>
    </message>
    <message>
        <source>{kind}，{status}</source>
        <translation>{kind}, {status}</translation>
    </message>
    <message>
        <source>{n} 页，SHA-256 {h}…，已印发的公文不能修改</source>
        <translation>{n} pages, SHA-256 {h}…; an issued document cannot change</translation>
    </message>
    <message>
        <source>附件 {n} 个（随文生成）</source>
        <translation>{n} annexes (composed with it)</translation>
    </message>
    <message>
        <source>更正 #{id}</source>
        <translation>Correction of #{id}</translation>
    </message>
    <message>
        <source>已由 #{ids} 更正</source>
        <translation>Corrected by #{ids}</translation>
    </message>
    <message>
        <source>生成进展通报</source>
        <translation>Compose progress circular</translation>
    </message>
    <message>
        <source>通报期次：</source>
        <translation>Period of the circular:</translation>
    </message>
    <message>
        <source>通知标题：</source>
        <translation>Title of the notice:</translation>
    </message>
    <message>
        <source>（在此填写正文）</source>
        <translation>(write the body here)</translation>
    </message>
    <message>
        <source>新建公文</source>
        <translation>New document</translation>
    </message>
    <message>
        <source>文种：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>标题（如“关于……的{k}”）：</source>
        <translation>Title (e.g. &quot;关于……的{k}&quot;):</translation>
    </message>
    <message>
        <source>不能印发</source>
        <translation>Cannot issue</translation>
    </message>
    <message>
        <source>核对代印字符</source>
        <translation>Check characters printed by a substitute font</translation>
    </message>
    <message>
        <source>字符</source>
        <translation>Character</translation>
    </message>
    <message>
        <source>印出字体</source>
        <translation>Printed in</translation>
    </message>
    <message>
        <source>无字体可印（印成“□”）</source>
        <translation>No font has it (prints as “□”)</translation>
    </message>
    <message>
        <source>{place}第{n}字</source>
        <translation>{place}, character {n}</translation>
    </message>
    <message>
        <source>（取自设置）</source>
        <translation> (from the settings)</translation>
    </message>
    <message>
        <source>返回修改</source>
        <translation>Go back and edit</translation>
    </message>
    <message>
        <source>确认保存</source>
        <translation>Confirm and save</translation>
    </message>
    <message>
        <source>确认印发</source>
        <translation>Confirm and issue</translation>
    </message>
    <message>
        <source>红色的 {n} 处字符没有任何可用字体能够印出，会印成“□”，不能印发。请改用规范字，或在 设置 → 字体 中指定含这些字的字体文件。</source>
        <translation>The {n} characters in red are in no available font and would print as “□”: the document cannot be issued. Use standard characters, or choose a font file that has them in Settings → Fonts.</translation>
    </message>
    <message>
        <source>{n} 处字符本机公文字体缺字，将由下列相近字体代印，请逐一核对。</source>
        <translation>{n} characters are missing from this PC&apos;s document fonts and will be printed in the similar fonts below; please check each one.</translation>
    </message>
    <message>
        <source>“返回修改”将光标移到第一个字处。</source>
        <translation>“Go back and edit” puts the cursor on the first of them.</translation>
    </message>
    <message>
        <source>确认后保存草稿；“返回修改”不保存，光标移到第一个字处。</source>
        <translation>Confirm to save the draft; “Go back and edit” saves nothing and puts the cursor on the first of them.</translation>
    </message>
    <message>
        <source>印发公文</source>
        <translation>Issue document</translation>
    </message>
    <message>
        <source>印发后将取得发文字号并存档 PDF，此后不能再修改。确定印发“{t}”吗？</source>
        <translation>When issued it gets its document number and its PDF is archived; it can no longer change. Issue “{t}”?</translation>
    </message>
    <message>
        <source>已印发：{n}，共 {p} 页。</source>
        <translation>Issued: {n}, {p} pages.</translation>
    </message>
    <message>
        <source>确定删除草稿“{t}”吗？</source>
        <translation>Delete draft “{t}”?</translation>
    </message>
    <message>
        <source>打印机无法开始打印。</source>
        <translation>The printer could not start printing.</translation>
    </message>
    <message>
        <source>打印公文</source>
        <translation>Print document</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>OFD 版式文件 (*.ofd)</source>
        <translation>OFD fixed-layout files (*.ofd)</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>另存为 OFD</source>
        <translation>Save as OFD</translation>
    </message>
    <message>
        <source>进度报送</source>
        <translation>Progress reports</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>上期进度</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>本期进度%</source>
        <translation>This period %</translation>
    </message>
    <message>
        <source>回落原因</source>
        <translation>Reason for the fall</translation>
    </message>
    <message>
        <source>本期进展</source>
        <translation>Progress this period</translation>
    </message>
    <message>
        <source>下步计划</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>低于上期，须填回落原因</source>
        <translation>Below the previous period: give a reason for the fall</translation>
    </message>
    <message>
        <source>已修改，未保存</source>
        <translation>Changed, not saved</translation>
    </message>
    <message>
        <source>已报</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>未报</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>请先填写本期进度%</source>
        <translation>Fill in this period&apos;s progress % first</translation>
    </message>
    <message>
        <source>进度应在 0 到 100 之间（收到“{t}”）</source>
        <translation>Progress must be between 0 and 100 (got “{t}”)</translation>
    </message>
    <message>
        <source>进度最多一位小数，如 62.5（收到“{t}”）</source>
        <translation>Progress takes at most one decimal, e.g. 62.5 (got “{t}”)</translation>
    </message>
    <message>
        <source>进度应为 0 到 100 的数，可带一位小数（收到“{t}”）</source>
        <translation>Progress should be a number from 0 to 100, with at most one decimal (got “{t}”)</translation>
    </message>
    <message>
        <source>保存本期进度</source>
        <translation>Save this period&apos;s progress</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>报送期次</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <source>应报</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>未报任务</source>
        <translation>Tasks not reported</translation>
    </message>
    <message>
        <source>已报齐</source>
        <translation>All reported</translation>
    </message>
    <message>
        <source>各单位本期报送情况（双击切换到该单位）</source>
        <translation>Reports of each unit this period (double-click to switch to the unit)</translation>
    </message>
    <message>
        <source>进度 {n} 项（{unit}，{period}）</source>
        <translation>{n} progress entries ({unit}, {period})</translation>
    </message>
    <message>
        <source>切换单位或期次</source>
        <translation>switching the unit or period</translation>
    </message>
    <message>
        <source>进度报送（{unit}，{period}）：{n} 项进度待保存</source>
        <translation>Progress reports ({unit}, {period}): {n} entries to save</translation>
    </message>
    <message>
        <source>（未报 {n}）</source>
        <translation> ({n} not reported)</translation>
    </message>
    <message>
        <source>像表格软件一样录入：在“本期进度%”列输入 0–100 的数（可带一位小数，如 62.5），回车到下一项，Tab 到右侧各栏；可从 Excel/WPS 复制整块粘贴（Ctrl+V），Ctrl+D 向下填充，Delete 清除，Ctrl+Z 撤销，右键有同样的操作；低于上期须填写回落原因；Ctrl+S 保存。淡红色行为本期未报。</source>
        <translation>Enter as in a spreadsheet: type 0–100 in the “Progress this period %” column (one decimal allowed, e.g. 62.5), Enter for the next task, Tab for the columns to the right; paste whole blocks copied from Excel/WPS (Ctrl+V), Ctrl+D fills down, Delete clears, Ctrl+Z undoes, the right-click menu has the same actions; a fall below last period needs a reason; Ctrl+S saves. Light red rows have no report this period.</translation>
    </message>
    <message>
        <source>正在读取进度…</source>
        <translation>Reading progress…</translation>
    </message>
    <message>
        <source>（已报齐）</source>
        <translation> (all reported)</translation>
    </message>
    <message>
        <source>本期应报 {t} 项，已报 {d} 项</source>
        <translation>{t} due this period, {d} reported</translation>
    </message>
    <message>
        <source>等</source>
        <translation> and more</translation>
    </message>
    <message>
        <source>，&lt;b style=&apos;color:#d93025&apos;&gt;未报 {n} 项：{codes}&lt;/b&gt;</source>
        <translation>, &lt;b style=&apos;color:#d93025&apos;&gt;{n} not reported: {codes}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>；&lt;b&gt;{n} 项待保存&lt;/b&gt;</source>
        <translation>; &lt;b&gt;{n} to save&lt;/b&gt;</translation>
    </message>
    <message>
        <source>没有需要保存的修改。</source>
        <translation>No changes to save.</translation>
    </message>
    <message>
        <source>正在保存进度…</source>
        <translation>Saving progress…</translation>
    </message>
    <message>
        <source>已保存 {n} 条进度，亮灯已重新计算。</source>
        <translation>{n} progress entries saved; lamps recomputed.</translation>
    </message>
    <message>
        <source>等 {n} 项</source>
        <translation> and more ({n} in all)</translation>
    </message>
    <message>
        <source>编辑重点工程</source>
        <translation>Edit key project</translation>
    </message>
    <message>
        <source>新建重点工程</source>
        <translation>New key project</translation>
    </message>
    <message>
        <source>工程编号建立后不能修改</source>
        <translation>The project code cannot change once created</translation>
    </message>
    <message>
        <source>工程编号</source>
        <translation>Project code</translation>
    </message>
    <message>
        <source>工程名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>工程简介</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>绿</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>黄</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>红</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>新建重点工程…</source>
        <translation>New key project…</translation>
    </message>
    <message>
        <source>编辑工程…</source>
        <translation>Edit project…</translation>
    </message>
    <message>
        <source>关闭工程…</source>
        <translation>Close project…</translation>
    </message>
    <message>
        <source>红灯任务及原因</source>
        <translation>Red tasks and why</translation>
    </message>
    <message>
        <source>双击一行查看该工程的任务；双击绿、黄、红列只看该颜色的任务。</source>
        <translation>Double-click a row to see the project&apos;s tasks; double-click the green, yellow or red column to see only tasks of that colour.</translation>
    </message>
    <message>
        <source>正在汇总各工程…</source>
        <translation>Summing up the projects…</translation>
    </message>
    <message>
        <source>已关闭（{day}）</source>
        <translation>Closed ({day})</translation>
    </message>
    <message>
        <source>在建</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>各重点工程亮灯分布（任务数，点击柱形查看该工程的任务）</source>
        <translation>Lamps per key project (tasks; click a bar to see the project&apos;s tasks)</translation>
    </message>
    <message>
        <source>请先在表中选中一项重点工程。</source>
        <translation>Select a key project in the table first.</translation>
    </message>
    <message>
        <source>关闭重点工程“{name}”？关闭前其全部任务须已销号。</source>
        <translation>Close key project “{name}”? All its tasks must be closed first.</translation>
    </message>
    <message>
        <source>关闭工程</source>
        <translation>Close project</translation>
    </message>
    <message>
        <source>已关闭重点工程“{name}”。</source>
        <translation>Key project “{name}” closed.</translation>
    </message>
    <message>
        <source>城市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>发文机关简称</source>
        <translation>Issuing office (short name)</translation>
    </message>
    <message>
        <source>信函字号机关代字</source>
        <translation>Office code in letter numbers</translation>
    </message>
    <message>
        <source>全宗号</source>
        <translation>Fonds number</translation>
    </message>
    <message>
        <source>机构（问题）代码</source>
        <translation>Organisation (subject) code</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <source>归档格式（正文）</source>
        <translation>Archive format (main text)</translation>
    </message>
    <message>
        <source>PDF 与 OFD</source>
        <translation>PDF and OFD</translation>
    </message>
    <message>
        <source>仅 PDF</source>
        <translation>PDF only</translation>
    </message>
    <message>
        <source>仅 OFD（未存 OFD 的公文仍用 PDF）</source>
        <translation>OFD only (documents without a stored OFD stay PDF)</translation>
    </message>
    <message>
        <source>保留备份份数</source>
        <translation>Backups to keep</translation>
    </message>
    <message>
        <source>提醒备份间隔（天）</source>
        <translation>Backup reminder interval (days)</translation>
    </message>
    <message>
        <source>加密备份与传递副本的算法</source>
        <translation>Algorithm for encrypted backups and transport copies</translation>
    </message>
    <message>
        <source>公文行距（磅，0 为每页 22 行）</source>
        <translation>Document line spacing (pt; 0 for 22 lines a page)</translation>
    </message>
    <message>
        <source>“1.”级标题句加粗</source>
        <translation>“1.” headings in bold</translation>
    </message>
    <message>
        <source>催办单用信函格式</source>
        <translation>Reminders in letter format</translation>
    </message>
    <message>
        <source>滞后序时进度达到（个百分点）亮黄灯</source>
        <translation>Yellow when behind schedule by (points)</translation>
    </message>
    <message>
        <source>滞后序时进度超过（个百分点）亮红灯</source>
        <translation>Red when behind schedule by more than (points)</translation>
    </message>
    <message>
        <source>节点逾期超过（天）亮红灯</source>
        <translation>Red when a milestone is overdue by more than (days)</translation>
    </message>
    <message>
        <source>距完成时限不足（天）亮黄灯</source>
        <translation>Yellow when the deadline is less than (days) away</translation>
    </message>
    <message>
        <source>连续漏报（期）亮黄灯</source>
        <translation>Yellow after missed reports in a row</translation>
    </message>
    <message>
        <source>连续漏报（期）亮红灯</source>
        <translation>Red after missed reports in a row</translation>
    </message>
    <message>
        <source>资金到位率低于（%）亮黄灯</source>
        <translation>Yellow when funds arrived below (%)</translation>
    </message>
    <message>
        <source>序时进度过（%）后检查资金</source>
        <translation>Check funds after scheduled progress passes (%)</translation>
    </message>
    <message>
        <source>开始后（月）仍未启动亮红灯</source>
        <translation>Red when not started (months) after the start</translation>
    </message>
    <message>
        <source>每月报送截止日</source>
        <translation>Monthly report deadline (day)</translation>
    </message>
    <message>
        <source>调查组至少（人）</source>
        <translation>Investigation group of at least (people)</translation>
    </message>
    <message>
        <source>问责决定执行期限（天）</source>
        <translation>Decision carried out within (days)</translation>
    </message>
    <message>
        <source>执行期限前（天）亮黄灯</source>
        <translation>Yellow lamp this many days before the execution deadline</translation>
    </message>
    <message>
        <source>申诉期限（天）</source>
        <translation>Appeal window (days)</translation>
    </message>
    <message>
        <source>通报问责情况的组织部门</source>
        <translation>Organisation department told of decisions</translation>
    </message>
    <message>
        <source>上级文件（公文）办理期限（天）</source>
        <translation>Document from above: deadline (days)</translation>
    </message>
    <message>
        <source>会议纪要、会议议定事项（天）</source>
        <translation>Minutes and meeting decisions (days)</translation>
    </message>
    <message>
        <source>领导批示急件（天，1–5）</source>
        <translation>Leader&apos;s instruction, urgent (days, 1–5)</translation>
    </message>
    <message>
        <source>领导批示一般件（天）</source>
        <translation>Leader&apos;s instruction, ordinary (days)</translation>
    </message>
    <message>
        <source>领导批示复杂件（天）</source>
        <translation>Leader&apos;s instruction, hard (days)</translation>
    </message>
    <message>
        <source>人大建议、政协提案（天）</source>
        <translation>Deputies&apos; suggestions and CPPCC proposals (days)</translation>
    </message>
    <message>
        <source>其他交办、手工登记（天）</source>
        <translation>Other assignments and manual items (days)</translation>
    </message>
    <message>
        <source>退办后补办期限（天）</source>
        <translation>Answer again after sending back (days)</translation>
    </message>
    <message>
        <source>到期前提醒（天，0 为不提醒）</source>
        <translation>Remind before the deadline (days, 0: never)</translation>
    </message>
    <message>
        <source>两次催办最短间隔（天，0 为不限）</source>
        <translation>Minimum interval between two chases (days, 0: none)</translation>
    </message>
    <message>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>只有管理员可以修改设置；当前账号仅可查看。</source>
        <translation>Only an administrator may change the settings; this account can only view them.</translation>
    </message>
    <message>
        <source>发文机关、文号与归档代码</source>
        <translation>Issuing office, numbers and archive codes</translation>
    </message>
    <message>
        <source>备份与版式</source>
        <translation>Backups and layout</translation>
    </message>
    <message>
        <source>公文字体（留空则用本机字体，再用随程序提供的字体）</source>
        <translation>Document fonts (empty: the PC&apos;s own fonts, then those shipped with the program)</translation>
    </message>
    <message>
        <source>亮灯规则</source>
        <translation>Lamp rules</translation>
    </message>
    <message>
        <source>问责程序</source>
        <translation>Accountability procedure</translation>
    </message>
    <message>
        <source>督办事项：默认办理期限（自收文起）与催办</source>
        <translation>Supervision items: default deadlines (from receipt) and chasing</translation>
    </message>
    <message>
        <source>本单位授权字体所在文件夹（可留空）</source>
        <translation>Folder of the office&apos;s licensed fonts (may be left empty)</translation>
    </message>
    <message>
        <source>字体文件夹</source>
        <translation>Font folder</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>{std} {own:.0f}%（含替代 {all:.0f}%）</source>
        <translation>{std} {own:.0f}% (with substitutes {all:.0f}%)</translation>
    </message>
    <message>
        <source>在用：{name}（{path}）
覆盖：{shares}</source>
        <translation>In use: {name} ({path})
Coverage: {shares}</translation>
    </message>
    <message>
        <source>选择字体文件</source>
        <translation>Choose a font file</translation>
    </message>
    <message>
        <source>TrueType 字体 (*.ttf *.ttc)</source>
        <translation>TrueType fonts (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>设置已保存，亮灯已按新规则重新计算。</source>
        <translation>Settings saved; lamps recomputed with the new rules.</translation>
    </message>
    <message>
        <source>扫描件、照片和文档 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.ofd);;所有文件 (*)</source>
        <translation>Scans, photos and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.ofd);;All files (*)</translation>
    </message>
    <message>
        <source>选择附件</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <source>附上文件…</source>
        <translation>Attach files…</translation>
    </message>
    <message>
        <source>另存附件…</source>
        <translation>Save attachment as…</translation>
    </message>
    <message>
        <source>把附件原样另存到本机（会先核对 SHA-256）</source>
        <translation>Save the attachment unchanged on this PC (its SHA-256 is checked first)</translation>
    </message>
    <message>
        <source>SHA-256：{h}
{by} 于 {at} 附上</source>
        <translation>SHA-256: {h}
attached by {by} at {at}</translation>
    </message>
    <message>
        <source>（无附件）</source>
        <translation>(no attachments)</translation>
    </message>
    <message>
        <source>另存附件</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <source>逾期未回复</source>
        <translation>Overdue, no reply</translation>
    </message>
    <message>
        <source>待回复</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>（{u}）</source>
        <translation> ({u})</translation>
    </message>
    <message>
        <source>补办</source>
        <translation>redo</translation>
    </message>
    <message>
        <source>（原定 {d}，{why}）</source>
        <translation> (first set {d}; {why})</translation>
    </message>
    <message>
        <source>，延期申请在办</source>
        <translation>; an extension request is pending</translation>
    </message>
    <message>
        <source>已盖章</source>
        <translation>stamped</translation>
    </message>
    <message>
        <source>未盖章</source>
        <translation>not stamped</translation>
    </message>
    <message>
        <source>未署签发人</source>
        <translation>no signer</translation>
    </message>
    <message>
        <source>督办事项</source>
        <translation>Supervision item</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>督办要求</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>办理情况</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>回复内容</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>登记回复</source>
        <translation>Record reply</translation>
    </message>
    <message>
        <source>单位书面回复的要点</source>
        <translation>Main points of the unit&apos;s written reply</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>更正回复</source>
        <translation>Correct reply</translation>
    </message>
    <message>
        <source>办结…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>重新打开…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>任务来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>主办 / 协办</source>
        <translation>Lead / assisting units</translation>
    </message>
    <message>
        <source>事由 / 拟办意见</source>
        <translation>Reason / proposed handling</translation>
    </message>
    <message>
        <source>收文 / 交办 / 期限</source>
        <translation>Received / assigned / due</translation>
    </message>
    <message>
        <source>报送 / 分管领导</source>
        <translation>Reporting / leader in charge</translation>
    </message>
    <message>
        <source>回复件的签发人</source>
        <translation>who signed the unit&apos;s reply</translation>
    </message>
    <message>
        <source>加盖公章</source>
        <translation>Stamped with the seal</translation>
    </message>
    <message>
        <source>生成公文</source>
        <translation>Compose document</translation>
    </message>
    <message>
        <source>按本事项生成督办通知或催办单草稿，在“公文”页修改、印发</source>
        <translation>Compose a supervision notice or reminder draft for this item; edit and issue it on the Documents page</translation>
    </message>
    <message>
        <source>附件（回复件、现场照片等）：</source>
        <translation>Attachments (replies, site photos…):</translation>
    </message>
    <message>
        <source>督办事项（请在左侧选择）</source>
        <translation>Supervision item (choose on the left)</translation>
    </message>
    <message>
        <source>督办事项 #{id}</source>
        <translation>Supervision item #{id}</translation>
    </message>
    <message>
        <source>，{d} 回复</source>
        <translation>, replied {d}</translation>
    </message>
    <message>
        <source>（逾期 {n} 天）</source>
        <translation> ({n} days overdue)</translation>
    </message>
    <message>
        <source>，{d} 办结</source>
        <translation>, closed {d}</translation>
    </message>
    <message>
        <source>按本事项生成交办通知（督办通知）草稿，在“公文”页修改、印发</source>
        <translation>Draft the assignment notice (supervision notice) for this item; edit and issue it on the Documents page</translation>
    </message>
    <message>
        <source>已办结的督办事项不能修改；确需修改，请先“重新打开”并写明理由。</source>
        <translation>A closed supervision item cannot change; if it must, “Reopen” it first with a reason.</translation>
    </message>
    <message>
        <source>请先在左侧选择督办事项</source>
        <translation>Choose a supervision item on the left first</translation>
    </message>
    <message>
        <source>修改督办要求、事由和回复期限。</source>
        <translation>Edit the requirements, reason and reply deadline.</translation>
    </message>
    <message>
        <source>尚未登记回复，请直接登记回复。</source>
        <translation>No reply recorded yet; record the reply directly.</translation>
    </message>
    <message>
        <source>按上面填写的收到日期和回复内容更正已登记的回复。</source>
        <translation>Correct the recorded reply with the date and content filled in above.</translation>
    </message>
    <message>
        <source>该事项尚未办结，无需重新打开。</source>
        <translation>The item is not closed; no need to reopen it.</translation>
    </message>
    <message>
        <source>办结有误或回复不实时重新打开，需写明理由。</source>
        <translation>Reopen when it was closed by mistake or the reply was untrue; a reason is required.</translation>
    </message>
    <message>
        <source>重新打开督办事项</source>
        <translation>Reopen supervision item</translation>
    </message>
    <message>
        <source>请写明重新打开的理由：</source>
        <translation>Reason for reopening:</translation>
    </message>
    <message>
        <source>办结说明：</source>
        <translation>Closing note:</translation>
    </message>
    <message>
        <source>尚未收到回复，请写明办结理由：</source>
        <translation>No reply received yet; give the reason for closing:</translation>
    </message>
    <message>
        <source>办结督办事项</source>
        <translation>Close supervision item</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>登记督办事项…</source>
        <translation>Register item…</translation>
    </message>
    <message>
        <source>发起督办…</source>
        <translation>Raise supervision…</translation>
    </message>
    <message>
        <source>导出登记簿…</source>
        <translation>Export register…</translation>
    </message>
    <message>
        <source>打印登记簿…</source>
        <translation>Print register…</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>发起</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>回复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>{n} 项，其中逾期未回复 {o} 项</source>
        <translation>{n} items, {o} overdue without reply</translation>
    </message>
    <message>
        <source>打开另一项督办事项</source>
        <translation>Open another supervision item</translation>
    </message>
    <message>
        <source>督查事项登记簿（截至{0}）</source>
        <translation>Register of supervised items (as of {0})</translation>
    </message>
    <message>
        <source>导出督查事项登记簿</source>
        <translation>Export the register of supervised items</translation>
    </message>
    <message>
        <source>正在导出督查事项登记簿…</source>
        <translation>Exporting the register of supervised items…</translation>
    </message>
    <message>
        <source>已导出督查事项登记簿：{0}</source>
        <translation>Register of supervised items exported: {0}</translation>
    </message>
    <message>
        <source>督查事项登记簿</source>
        <translation>Register of supervised items</translation>
    </message>
    <message>
        <source>不采纳建议</source>
        <translation>Dismiss proposal</translation>
    </message>
    <message>
        <source>不采纳对 {code}（{unit}）的{step}建议，理由：</source>
        <translation>Dismiss the {step} proposal for {code} ({unit}), reason:</translation>
    </message>
    <message>
        <source>采纳以下 {n} 条建议（发出催办、督办通知或提出约谈）？</source>
        <translation>Accept these {n} proposals (send reminders, supervision notices or propose interviews)?</translation>
    </message>
    <message>
        <source>批量采纳</source>
        <translation>Accept in batch</translation>
    </message>
    <message>
        <source>已采纳 {n} 条建议。</source>
        <translation>{n} proposals accepted.</translation>
    </message>
    <message>
        <source>不采纳以下 {n} 条建议，理由：
{items}</source>
        <translation>Dismiss these {n} proposals, reason:
{items}</translation>
    </message>
    <message>
        <source>系统建议（红灯、黄灯任务的下一步）</source>
        <translation>Proposals (next steps for red and yellow tasks)</translation>
    </message>
    <message>
        <source>灯</source>
        <translation>Lamp</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>采纳</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>不采纳…</source>
        <translation>Dismiss…</translation>
    </message>
    <message>
        <source>共 {n} 条建议：约谈 {i}，督办通知 {n2}，催办 {r}。双击查看任务。</source>
        <translation>{n} proposals: {i} interviews, {n2} supervision notices, {r} reminders. Double-click to see the task.</translation>
    </message>
    <message>
        <source>修改督办事项</source>
        <translation>Edit supervision item</translation>
    </message>
    <message>
        <source>发起督办</source>
        <translation>Raise supervision</translation>
    </message>
    <message>
        <source>例如：请于期限前书面报告滞后原因及整改措施。</source>
        <translation>e.g. Report in writing by the deadline on the reasons for the delay and the measures taken.</translation>
    </message>
    <message>
        <source>类别、责任单位和关联任务是发起督办的依据，不能修改；如有误，请办结后重新发起。</source>
        <translation>Kind, responsible unit and related tasks are the grounds of the supervision and cannot change; if wrong, close it and raise a new one.</translation>
    </message>
    <message>
        <source>修改已保存</source>
        <translation>Changes saved</translation>
    </message>
    <message>
        <source>修改已保存。</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <source>系统对该任务暂无督办建议（绿灯、已办结、正在约谈，或本月建议已不采纳）。</source>
        <translation>No supervision proposal for this task now (green, closed, in an interview, or this month&apos;s proposal dismissed).</translation>
    </message>
    <message>
        <source>任务 {code}（{unit}）&lt;br&gt;建议：&lt;b style=&apos;color:{c}&apos;&gt;{step}&lt;/b&gt;&lt;br&gt;理由：{reason}</source>
        <translation>Task {code} ({unit})&lt;br&gt;Proposal: &lt;b style=&apos;color:{c}&apos;&gt;{step}&lt;/b&gt;&lt;br&gt;Reason: {reason}</translation>
    </message>
    <message>
        <source>{d} {k}（{s}）</source>
        <translation>{d} {k} ({s})</translation>
    </message>
    <message>
        <source>{d} 约谈{u}（{s}）</source>
        <translation>{d} interview with {u} ({s})</translation>
    </message>
    <message>
        <source>已有督办记录：</source>
        <translation>Supervision so far:</translation>
    </message>
    <message>
        <source>复制选中行（含表头）</source>
        <translation>Copy selected rows (with header)</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>编辑任务</source>
        <translation>Edit task</translation>
    </message>
    <message>
        <source>新建任务</source>
        <translation>New task</translation>
    </message>
    <message>
        <source>配合单位</source>
        <translation>Cooperating units</translation>
    </message>
    <message>
        <source>登记督办事项</source>
        <translation>Register item</translation>
    </message>
    <message>
        <source>来文文号，或批示领导及批示内容</source>
        <translation>the incoming document&apos;s number, or who gave the instruction and what it says</translation>
    </message>
    <message>
        <source>例如：建议由主办单位牵头，协办单位配合，按期报送。</source>
        <translation>e.g. the lead unit takes charge, the assisting units help, report on time.</translation>
    </message>
    <message>
        <source>不填则取关联任务的分管领导</source>
        <translation>empty: the linked task&apos;s leader in charge</translation>
    </message>
    <message>
        <source>按来源的默认期限</source>
        <translation>The source&apos;s default deadline</translation>
    </message>
    <message>
        <source>来文 / 批示</source>
        <translation>Document / instruction</translation>
    </message>
    <message>
        <source>收文时间</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>缓急</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>协办单位</source>
        <translation>Assisting units</translation>
    </message>
    <message>
        <source>拟办意见</source>
        <translation>Proposed handling</translation>
    </message>
    <message>
        <source>报送频次</source>
        <translation>Reporting</translation>
    </message>
    <message>
        <source>分管领导</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <source>办理期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>按来源的默认期限（收文后 {n} 天）</source>
        <translation>The source&apos;s default deadline ({n} days after receipt)</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>目标要求</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>变更任务状态</source>
        <translation>Change task status</translation>
    </message>
    <message>
        <source>当前状态</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>转为</source>
        <translation>Change to</translation>
    </message>
    <message>
        <source>新完成时限（延期时）</source>
        <translation>New deadline (when postponed)</translation>
    </message>
    <message>
        <source>新增节点</source>
        <translation>New milestone</translation>
    </message>
    <message>
        <source>节点名称</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>节点完成</source>
        <translation>Milestone done</translation>
    </message>
    <message>
        <source>节点</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <source>完成日期</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>起止时间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>资金（万元）</source>
        <translation>Funds (10k yuan)</translation>
    </message>
    <message>
        <source>返回台账</source>
        <translation>Back to the ledger</translation>
    </message>
    <message>
        <source>编辑任务…</source>
        <translation>Edit task…</translation>
    </message>
    <message>
        <source>变更状态…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <source>新增节点…</source>
        <translation>New milestone…</translation>
    </message>
    <message>
        <source>更正/撤回…</source>
        <translation>Correct/withdraw…</translation>
    </message>
    <message>
        <source>更正或撤回已保存的进度报送或资金记录（须写明理由，原记录留在操作日志和时间线中）</source>
        <translation>Correct or withdraw a saved progress report or fund entry (a reason is required; the original stays in the audit log and the timeline)</translation>
    </message>
    <message>
        <source>督办…</source>
        <translation>Supervise…</translation>
    </message>
    <message>
        <source>时间线（最新在前）</source>
        <translation>Timeline (newest first)</translation>
    </message>
    <message>
        <source>逾期 {n} 天完成</source>
        <translation>Done {n} days late</translation>
    </message>
    <message>
        <source>逾期 {n} 天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <source>未到期</source>
        <translation>Not due</translation>
    </message>
    <message>
        <source>任务 {code}&#x3000;{title}</source>
        <translation>Task {code}&#x3000;{title}</translation>
    </message>
    <message>
        <source>亮灯原因：</source>
        <translation>Why:</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>报送 {r}，序时 {s}，滞后 {lag}</source>
        <translation>reported {r}, scheduled {s}, behind {lag}</translation>
    </message>
    <message>
        <source>{n} 个百分点</source>
        <translation>{n} points</translation>
    </message>
    <message>
        <source>计划 {b}，到位 {a}（{ar}），支出 {s}（{sr}）</source>
        <translation>planned {b}, arrived {a} ({ar}), spent {s} ({sr})</translation>
    </message>
    <message>
        <source>{p}，{d} 报送</source>
        <translation>{p}, reported {d}</translation>
    </message>
    <message>
        <source>尚无报送</source>
        <translation>No reports yet</translation>
    </message>
    <message>
        <source>登记延期申请</source>
        <translation>Record extension request</translation>
    </message>
    <message>
        <source>单位申请延期的理由</source>
        <translation>why the unit asks for more time</translation>
    </message>
    <message>
        <source>现办理期限</source>
        <translation>Current deadline</translation>
    </message>
    <message>
        <source>申请延至</source>
        <translation>Extend to</translation>
    </message>
    <message>
        <source>延期理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Asked on</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>退办</source>
        <translation>Send back</translation>
    </message>
    <message>
        <source>例如：未附整改方案；未加盖公章</source>
        <translation>e.g. no rectification plan attached; not stamped</translation>
    </message>
    <message>
        <source>退办理由</source>
        <translation>Why it falls short</translation>
    </message>
    <message>
        <source>补办期限</source>
        <translation>Answer again by</translation>
    </message>
    <message>
        <source>延期申请（{asked}）：{old} → {new}，{reason}；&lt;b&gt;{state}&lt;/b&gt;{check}{said}</source>
        <translation>Extension request ({asked}): {old} → {new}, {reason}; &lt;b&gt;{state}&lt;/b&gt;{check}{said}</translation>
    </message>
    <message>
        <source>&#x3000;任务 {code} 完成时限随之由 {old} 延至 {new}</source>
        <translation>&#x3000;Task {code}: deadline moved with it from {old} to {new}</translation>
    </message>
    <message>
        <source>退办（{d}）：{reason}，限 {due} 前补办</source>
        <translation>Sent back ({d}): {reason}; answer again by {due}</translation>
    </message>
    <message>
        <source>暂无延期、退办记录</source>
        <translation>No extension or sending back yet</translation>
    </message>
    <message>
        <source>延期、退办与催办</source>
        <translation>Extension, sending back and chasing</translation>
    </message>
    <message>
        <source>登记延期申请…</source>
        <translation>Extension request…</translation>
    </message>
    <message>
        <source>核查…</source>
        <translation>Check…</translation>
    </message>
    <message>
        <source>审批…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>退办…</source>
        <translation>Send back…</translation>
    </message>
    <message>
        <source>催办</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>退办通知</source>
        <translation>Sent-back notice</translation>
    </message>
    <message>
        <source>延期复函</source>
        <translation>Extension reply</translation>
    </message>
    <message>
        <source>该事项已办结。</source>
        <translation>The item is closed.</translation>
    </message>
    <message>
        <source>已有延期申请在办。</source>
        <translation>An extension request is already in progress.</translation>
    </message>
    <message>
        <source>主办单位在期限前提出延期：登记申请日期、理由和申请延至的日期。</source>
        <translation>The lead unit asks before the deadline: record the day, the reason and the date asked for.</translation>
    </message>
    <message>
        <source>没有待核查的延期申请。</source>
        <translation>No extension request waits for a check.</translation>
    </message>
    <message>
        <source>科员核查延期理由是否属实、新期限是否合理。</source>
        <translation>The clerk checks the reason is true and the new date reasonable.</translation>
    </message>
    <message>
        <source>没有待审批的延期申请。</source>
        <translation>No extension request waits for approval.</translation>
    </message>
    <message>
        <source>领导审批：批准后期限按批准的日期计算，原期限保留在记录中。</source>
        <translation>A leader decides: once approved, the deadline is the approved date; the first one stays on record.</translation>
    </message>
    <message>
        <source>尚未登记回复。</source>
        <translation>No reply recorded yet.</translation>
    </message>
    <message>
        <source>回复不符合要求时退回，写明理由，限期补办。</source>
        <translation>Send a reply that falls short back, with the reason and a date to answer again.</translation>
    </message>
    <message>
        <source>没有退办记录。</source>
        <translation>Nothing was sent back.</translation>
    </message>
    <message>
        <source>生成退办通知草稿（信函格式），在“公文”页修改、印发。</source>
        <translation>Draft the sent-back notice (letter format); edit and issue it on the Documents page.</translation>
    </message>
    <message>
        <source>没有已审批的延期申请。</source>
        <translation>No extension request has been decided.</translation>
    </message>
    <message>
        <source>生成延期复函草稿（信函格式），写明原期限和批准的期限。</source>
        <translation>Draft the reply to the extension request (letter format), with the first and the approved deadline.</translation>
    </message>
    <message>
        <source>已回复，无需催办。</source>
        <translation>Replied: nothing to chase.</translation>
    </message>
    <message>
        <source>登记一次催办（两次催办之间有最短间隔，见设置）。</source>
        <translation>Record a chase (two chases of one item keep a minimum interval, see settings).</translation>
    </message>
    <message>
        <source>申请将期限由 {old} 延至 {new}。理由：{reason}</source>
        <translation>Asks to move the deadline from {old} to {new}. Reason: {reason}</translation>
    </message>
    <message>
        <source>核查延期申请</source>
        <translation>Check extension request</translation>
    </message>
    <message>
        <source>核查通过，报领导审批</source>
        <translation>Checked: pass to a leader</translation>
    </message>
    <message>
        <source>核查未通过</source>
        <translation>Check failed</translation>
    </message>
    <message>
        <source>（科员核查：{note}）</source>
        <translation> (clerk&apos;s check: {note})</translation>
    </message>
    <message>
        <source>批准后，关联任务（{codes}）中完成时限早于新期限的随之延后。</source>
        <translation> Once approved, each linked task ({codes}) whose deadline falls before the new date is moved to it.</translation>
    </message>
    <message>
        <source>审批延期申请</source>
        <translation>Decide extension request</translation>
    </message>
    <message>
        <source>批准延期</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>不予批准</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>催办方式或要点（可不填）：</source>
        <translation>How it was chased, or the points made (optional):</translation>
    </message>
    <message>
        <source>督办通知</source>
        <translation>Supervision notice</translation>
    </message>
    <message>
        <source>整改已逾期：认定未完成并提出问责</source>
        <translation>Rectification overdue: find it not completed and propose accountability</translation>
    </message>
    <message>
        <source>拟发约谈通知书</source>
        <translation>Send the interview notice</translation>
    </message>
    <message>
        <source>约谈后登记约谈记录</source>
        <translation>Enter the record after the interview</translation>
    </message>
    <message>
        <source>下达限期整改通知书</source>
        <translation>Give the rectification notice</translation>
    </message>
    <message>
        <source>登记整改情况，核实后对账销号</source>
        <translation>Record the rectification report, verify it, then close</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>经主要负责人批准后启动问责</source>
        <translation>Start accountability once the principal leader approves</translation>
    </message>
    <message>
        <source>已问责</source>
        <translation>Held accountable</translation>
    </message>
    <message>
        <source>已决定不予或免予问责</source>
        <translation>Decided: no accountability or exemption</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>due today</translation>
    </message>
    <message>
        <source>还有 {n} 天到期</source>
        <translation>due in {n} days</translation>
    </message>
    <message>
        <source>科员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>延期待审批：{old} 延至 {new}</source>
        <translation>Extension to approve: {old} to {new}</translation>
    </message>
    <message>
        <source>领导</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>提醒谁</source>
        <translation>For</translation>
    </message>
    <message>
        <source>双击打开督办事项</source>
        <translation>Double-click to open the item</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <source>安全管理员</source>
        <translation>Security administrator</translation>
    </message>
    <message>
        <source>审计管理员</source>
        <translation>Audit administrator</translation>
    </message>
    <message>
        <source>立项</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>分解</source>
        <translation>Broken down</translation>
    </message>
    <message>
        <source>交办</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>签收</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>推进</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>办结审核</source>
        <translation>Closing review</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>Postponed</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>进度滞后序时进度 {n} 个百分点</source>
        <translation>{n} points behind schedule</translation>
    </message>
    <message>
        <source>略滞后 {n} 个百分点</source>
        <translation>slightly behind, {n} points</translation>
    </message>
    <message>
        <source>按序时推进</source>
        <translation>on schedule</translation>
    </message>
    <message>
        <source>节点“{title}”逾期 {n} 天</source>
        <translation>milestone “{title}” {n} days overdue</translation>
    </message>
    <message>
        <source>已超过完成时限 {n} 天仍未完成</source>
        <translation>{n} days past the deadline and not done</translation>
    </message>
    <message>
        <source>距完成时限仅剩 {n} 天</source>
        <translation>only {n} days to the deadline</translation>
    </message>
    <message>
        <source>连续 {n} 期未报送进度</source>
        <translation>{n} reports missed in a row</translation>
    </message>
    <message>
        <source>{n} 期未按时报送进度</source>
        <translation>{n} report(s) not on time</translation>
    </message>
    <message>
        <source>开始 {n} 个月后仍未启动</source>
        <translation>not started {n} months after the start</translation>
    </message>
    <message>
        <source>时间过半，资金到位率仅 {n}%</source>
        <translation>past half time, only {n}% of funds arrived</translation>
    </message>
    <message>
        <source>已暂缓，不计亮灯</source>
        <translation>suspended, no lamp</translation>
    </message>
    <message>
        <source>尚未到开始时间</source>
        <translation>not yet started (start date ahead)</translation>
    </message>
    <message>
        <source>逾期完成</source>
        <translation>Completed late</translation>
    </message>
    <message>
        <source>督办通知逾期未回复（回复期限 {day}）</source>
        <translation>supervision notice not answered in time (reply due {day})</translation>
    </message>
    <message>
        <source>差距已补齐，由红转黄：{y}年{m}月滞后序时进度 {n} 个百分点亮红灯，本期补齐，下期保持即转绿</source>
        <translation>Gap made up, red to yellow: {n} points behind schedule in {y}-{m} (red), made up this period; green next period if kept</translation>
    </message>
    <message>
        <source>由红转黄：差距已补齐</source>
        <translation>Red to yellow: gap made up</translation>
    </message>
    <message>
        <source>上期滞后序时进度 {n} 个百分点亮红灯，{y}年{m}月报送 {p}%，补齐差距，按“红转黄”规则先亮黄灯，下期保持即转绿</source>
        <translation>Red last period at {n} points behind schedule; {p}% reported for {y}-{m} makes the gap up: yellow first by the red-to-yellow rule, green next period if kept</translation>
    </message>
    <message>
        <source>{y}年{m}月进度 {n}%</source>
        <translation>{m}/{y}: {n}%</translation>
    </message>
    <message>
        <source>{source}{kind} {n} 万元</source>
        <translation>{source}, {kind}: {n} (10k yuan)</translation>
    </message>
    <message>
        <source>完成节点“{title}”</source>
        <translation>milestone “{title}” done</translation>
    </message>
    <message>
        <source>节点“{title}”</source>
        <translation>milestone “{title}”</translation>
    </message>
    <message>
        <source>计划 {day}</source>
        <translation>planned {day}</translation>
    </message>
    <message>
        <source>问题：{text}</source>
        <translation>problems: {text}</translation>
    </message>
    <message>
        <source>新建任务 {code}“{title}”</source>
        <translation>Task {code} “{title}” created</translation>
    </message>
    <message>
        <source>任务 {code} 状态改为“{status}”</source>
        <translation>Task {code}: status set to “{status}”</translation>
    </message>
    <message>
        <source>任务 {code} 状态改为“{status}”：{text}</source>
        <translation>Task {code}: status set to “{status}”: {text}</translation>
    </message>
    <message>
        <source>任务 {code} 完成时限由 {old} 延至 {new}：督办事项 #{item}（{origin}）延期经{actor}批准</source>
        <translation>Task {code}: deadline moved from {old} to {new}: extension of supervision item #{item} ({origin}) approved by {actor}</translation>
    </message>
    <message>
        <source>督办·{skind}</source>
        <translation>Supervision · {skind}</translation>
    </message>
    <message>
        <source>整改</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>问责</source>
        <translation>Accountability</translation>
    </message>
    <message>
        <source>对{unit}发起{skind}</source>
        <translation>{skind} sent to {unit}</translation>
    </message>
    <message>
        <source>申请延期（{old} 延至 {new}）</source>
        <translation>extension asked ({old} to {new})</translation>
    </message>
    <message>
        <source>批准延期（{old} 延至 {new}）</source>
        <translation>extension approved ({old} to {new})</translation>
    </message>
    <message>
        <source>延期核查通过</source>
        <translation>extension checked: passed</translation>
    </message>
    <message>
        <source>延期核查未通过</source>
        <translation>extension checked: not passed</translation>
    </message>
    <message>
        <source>不予延期</source>
        <translation>extension refused</translation>
    </message>
    <message>
        <source>退办（限 {day} 前补办）</source>
        <translation>reply sent back (to be redone by {day})</translation>
    </message>
    <message>
        <source>收到回复</source>
        <translation>reply received</translation>
    </message>
    <message>
        <source>收到回复（逾期）</source>
        <translation>reply received (late)</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>约谈通知</source>
        <translation>interview notified</translation>
    </message>
    <message>
        <source>限期整改（{day}前）</source>
        <translation>rectification due by {day}</translation>
    </message>
    <message>
        <source>整改情况报告</source>
        <translation>rectification reported</translation>
    </message>
    <message>
        <source>整改核实销号</source>
        <translation>rectification verified and closed</translation>
    </message>
    <message>
        <source>逾期未完成整改</source>
        <translation>rectification not done in time</translation>
    </message>
    <message>
        <source>拟约谈{unit}</source>
        <translation>interview of {unit} proposed</translation>
    </message>
    <message>
        <source>已约谈{unit}</source>
        <translation>interview held with {unit}</translation>
    </message>
    <message>
        <source>{dkind} {number}</source>
        <translation>{dkind} {number}</translation>
    </message>
    <message>
        <source>经{approver}批准，对{persons}启动问责</source>
        <translation>accountability started against {persons}, approved by {approver}</translation>
    </message>
    <message>
        <source>成立调查组：组长{leader}，成员{members}</source>
        <translation>investigation team formed: leader {leader}, members {members}</translation>
    </message>
    <message>
        <source>调查认定{persons}{finding}</source>
        <translation>investigation found: {persons}, {finding}</translation>
    </message>
    <message>
        <source>{person}陈述申辩</source>
        <translation>statement in defence by {person}</translation>
    </message>
    <message>
        <source>{body}决定对{persons}予以{form}</source>
        <translation>{body} decided on {form} for {persons}</translation>
    </message>
    <message>
        <source>问责情况通报{department}</source>
        <translation>accountability reported to {department}</translation>
    </message>
    <message>
        <source>问责决定执行完毕</source>
        <translation>accountability decision carried out</translation>
    </message>
    <message>
        <source>{person}提出申诉</source>
        <translation>appeal filed by {person}</translation>
    </message>
    <message>
        <source>申诉复查：{body}{outcome}</source>
        <translation>appeal reviewed: {body}, {outcome}</translation>
    </message>
    <message>
        <source>{body}决定对{persons}{ending}</source>
        <translation>{body} decided for {persons}: {ending}</translation>
    </message>
    <message>
        <source>{form}：{persons}</source>
        <translation>{form}: {persons}</translation>
    </message>
    <message>
        <source>更正“{step}”的{fields}</source>
        <translation>“{step}” corrected: {fields}</translation>
    </message>
    <message>
        <source>更正任务 {code} {y}年{m}月进度（{fields}）</source>
        <translation>report of task {code} for {m}/{y} corrected ({fields})</translation>
    </message>
    <message>
        <source>撤回任务 {code} {y}年{m}月进度（原 {p}%）</source>
        <translation>report of task {code} for {m}/{y} withdrawn (was {p}%)</translation>
    </message>
    <message>
        <source>更正任务 {code} 资金记录 #{item}（{fields}）</source>
        <translation>fund entry #{item} of task {code} corrected ({fields})</translation>
    </message>
    <message>
        <source>撤回任务 {code} 资金记录 #{item}（{source}{kind} {n} 万元）</source>
        <translation>fund entry #{item} of task {code} withdrawn ({source}, {kind}: {n} (10k yuan))</translation>
    </message>
    <message>
        <source>亮红灯：</source>
        <translation>red: </translation>
    </message>
    <message>
        <source>亮黄灯：</source>
        <translation>yellow: </translation>
    </message>
    <message>
        <source>督办通知已回复仍亮红灯：</source>
        <translation>still red after the supervision notice was answered: </translation>
    </message>
    <message>
        <source>催办 {n} 天后仍亮黄灯：</source>
        <translation>still yellow {n} days after the reminder: </translation>
    </message>
    <message>
        <source>{m}月底：</source>
        <translation>end of month {m}: </translation>
    </message>
    <message>
        <source>理由：</source>
        <translation>reason: </translation>
    </message>
    <message>
        <source>退回的回复（{day}）：</source>
        <translation>reply sent back ({day}): </translation>
    </message>
    <message>
        <source>整改承诺：</source>
        <translation>commitments: </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>暂缓</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>驳回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>上级专项</source>
        <translation>Higher-level special funds</translation>
    </message>
    <message>
        <source>市财政</source>
        <translation>City budget</translation>
    </message>
    <message>
        <source>区县配套</source>
        <translation>District matching funds</translation>
    </message>
    <message>
        <source>社会资金</source>
        <translation>Private funds</translation>
    </message>
    <message>
        <source>手工录入</source>
        <translation>Entered by hand</translation>
    </message>
    <message>
        <source>Excel导入</source>
        <translation>Imported from Excel</translation>
    </message>
    <message>
        <source>草拟</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>已定稿</source>
        <translation>Finalised</translation>
    </message>
    <message>
        <source>通报</source>
        <translation>Circular</translation>
    </message>
    <message>
        <source>通知</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>催办单</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>约谈通知书</source>
        <translation>Interview notice</translation>
    </message>
    <message>
        <source>约谈记录</source>
        <translation>Interview record</translation>
    </message>
    <message>
        <source>限期整改通知书</source>
        <translation>Rectification notice</translation>
    </message>
    <message>
        <source>问责程序记录</source>
        <translation>Accountability record</translation>
    </message>
    <message>
        <source>问责情况通报函</source>
        <translation>Accountability letter to the organisation department</translation>
    </message>
    <message>
        <source>问责决定</source>
        <translation>Accountability decision</translation>
    </message>
    <message>
        <source>考核结果通报</source>
        <translation>Assessment results circular</translation>
    </message>
    <message>
        <source>请示</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>函</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已印发</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>拟约谈</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>已发约谈通知</source>
        <translation>Notice sent</translation>
    </message>
    <message>
        <source>已约谈</source>
        <translation>Interview held</translation>
    </message>
    <message>
        <source>整改中</source>
        <translation>Rectifying</translation>
    </message>
    <message>
        <source>整改销号</source>
        <translation>Rectified and closed</translation>
    </message>
    <message>
        <source>组织调整或组织处理</source>
        <translation>Organisational adjustment or handling</translation>
    </message>
    <message>
        <source>执行不当</source>
        <translation>Carried out improperly</translation>
    </message>
    <message>
        <source>执行不力</source>
        <translation>Carried out weakly</translation>
    </message>
    <message>
        <source>不执行</source>
        <translation>Not carried out</translation>
    </message>
    <message>
        <source>不予问责</source>
        <translation>No accountability</translation>
    </message>
    <message>
        <source>免予问责</source>
        <translation>Exempted from accountability</translation>
    </message>
    <message>
        <source>维持原决定</source>
        <translation>Decision upheld</translation>
    </message>
    <message>
        <source>变更原决定</source>
        <translation>Decision changed</translation>
    </message>
    <message>
        <source>撤销原决定</source>
        <translation>Decision revoked</translation>
    </message>
    <message>
        <source>黄灯（任务·月）</source>
        <translation>Yellow lamps (task-months)</translation>
    </message>
    <message>
        <source>红灯（任务·月）</source>
        <translation>Red lamps (task-months)</translation>
    </message>
    <message>
        <source>整改逾期未完成</source>
        <translation>Rectification not completed</translation>
    </message>
    <message>
        <source>被问责</source>
        <translation>Held accountable</translation>
    </message>
    <message>
        <source>位次前移（名）</source>
        <translation>Places gained</translation>
    </message>
    <message>
        <source>位次后移（名）</source>
        <translation>Places lost</translation>
    </message>
    <message>
        <source>督办事项逾期未办</source>
        <translation>Supervision items not done by the deadline</translation>
    </message>
    <message>
        <source>督办事项回复被退办</source>
        <translation>Replies sent back</translation>
    </message>
    <message>
        <source>人工认定</source>
        <translation>Counted by hand</translation>
    </message>
    <message>
        <source>定为最低等次</source>
        <translation>Lowest grade</translation>
    </message>
    <message>
        <source>一次性扣分</source>
        <translation>Fixed deduction</translation>
    </message>
    <message>
        <source>限定最高等次</source>
        <translation>Grade capped</translation>
    </message>
    <message>
        <source>诫勉</source>
        <translation>Admonition</translation>
    </message>
    <message>
        <source>纪律处分</source>
        <translation>Disciplinary sanction</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>领导小组会议</source>
        <translation>Leading group meeting</translation>
    </message>
    <message>
        <source>会商</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>现场督查</source>
        <translation>Site check</translation>
    </message>
    <message>
        <source>会议议定</source>
        <translation>Meeting decision</translation>
    </message>
    <message>
        <source>手工登记</source>
        <translation>Entered by hand</translation>
    </message>
    <message>
        <source>领导批示</source>
        <translation>Leader&apos;s instruction</translation>
    </message>
    <message>
        <source>上级文件</source>
        <translation>Document from above</translation>
    </message>
    <message>
        <source>人大建议/政协提案</source>
        <translation>People&apos;s Congress suggestion / CPPCC proposal</translation>
    </message>
    <message>
        <source>其他交办</source>
        <translation>Other assignment</translation>
    </message>
    <message>
        <source>一般件</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>急件</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>复杂件</source>
        <translation>Complex</translation>
    </message>
    <message>
        <source>办结时报告</source>
        <translation>Report on completion</translation>
    </message>
    <message>
        <source>每周报告</source>
        <translation>Weekly report</translation>
    </message>
    <message>
        <source>每月报告</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <source>按阶段报告</source>
        <translation>Report by stage</translation>
    </message>
    <message>
        <source>{y}年{m}月</source>
        <translation>{m}/{y}</translation>
    </message>
    <message>
        <source>仿宋</source>
        <translation>FangSong (body)</translation>
    </message>
    <message>
        <source>小标宋</source>
        <translation>XiaoBiaoSong (titles)</translation>
    </message>
    <message>
        <source>黑体</source>
        <translation>HeiTi (headings)</translation>
    </message>
    <message>
        <source>楷体</source>
        <translation>KaiTi (headings)</translation>
    </message>
    <message>
        <source>宋体</source>
        <translation>SongTi (page numbers)</translation>
    </message>
    <message>
        <source>抱歉，程序出现了内部错误，本次操作未完成。
参考编号：{ref}
请把参考编号告诉技术支持（帮助 → 导出诊断信息… 可导出日志）。
日志：{path}</source>
        <translation>Sorry, an internal error occurred and the operation was not completed.
Reference: {ref}
Please give the reference to technical support (Help → Export diagnostics… exports the log).
Log: {path}</translation>
    </message>
    <message>
        <source>台账文件已被替换：本窗口不再保存修改，请关闭后重新打开。</source>
        <translation>The ledger file has been replaced: this window no longer saves changes. Close it and open the program again.</translation>
    </message>
    <message>
        <source>台账已被替换</source>
        <translation>Ledger replaced</translation>
    </message>
    <message>
        <source>“{title}”对话框中填写的内容</source>
        <translation>what was filled in the “{title}” dialog</translation>
    </message>
    <message>
        <source>关闭对话框</source>
        <translation>closing the dialog</translation>
    </message>
    <message>
        <source>“{page}”页上填写的内容</source>
        <translation>what was typed on the “{page}” page</translation>
    </message>
    <message>
        <source>{page}：有尚未保存的修改</source>
        <translation>{page}: changes not saved</translation>
    </message>
    <message>
        <source>请用“{page}”页上相应的按钮保存。</source>
        <translation>Save them with the button on the “{page}” page.</translation>
    </message>
    <message>
        <source>输入</source>
        <translation>typing</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>复制 / 粘贴（可与 Excel、WPS 互相复制整块）</source>
        <translation>Copy / paste (whole blocks to and from Excel or WPS)</translation>
    </message>
    <message>
        <source>向下填充</source>
        <translation>Fill down</translation>
    </message>
    <message>
        <source>清除选中的格</source>
        <translation>Clear the selected cells</translation>
    </message>
    <message>
        <source>向下 / 向右</source>
        <translation>Down / right</translation>
    </message>
    <message>
        <source>撤销 / 重做</source>
        <translation>Undo / redo</translation>
    </message>
    <message>
        <source>本页使用说明</source>
        <translation>Help for this page</translation>
    </message>
    <message>
        <source>刷新（有未保存的修改先询问）</source>
        <translation>Reload (asks first about unsaved edits)</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>清除内容</source>
        <translation>Clear contents</translation>
    </message>
    <message>
        <source>撤销	Ctrl+Z</source>
        <translation>Undo	Ctrl+Z</translation>
    </message>
    <message>
        <source>重做	Ctrl+Y</source>
        <translation>Redo	Ctrl+Y</translation>
    </message>
    <message>
        <source>选中 {cells} 格：计数 {n}，求和 {sum}，平均 {avg}</source>
        <translation>{cells} cells selected: count {n}, sum {sum}, average {avg}</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>clearing</translation>
    </message>
    <message>
        <source>超出表格范围</source>
        <translation>outside the table</translation>
    </message>
    <message>
        <source>该栏不能修改</source>
        <translation>this column cannot be changed</translation>
    </message>
    <message>
        <source>第 {row} 行“{column}”：{why}</source>
        <translation>row {row} “{column}”: {why}</translation>
    </message>
    <message>
        <source>……另有 {n} 格</source>
        <translation>… and {n} more cells</translation>
    </message>
    <message>
        <source>有 {n} 格不能接受，本次没有改动任何一格：</source>
        <translation>{n} cells cannot be accepted, so no cell was changed:</translation>
    </message>
    <message>
        <source>更正或撤回已保存的记录 — {code} {title}</source>
        <translation>Correct or withdraw a saved record — {code} {title}</translation>
    </message>
    <message>
        <source>进度：{period} {p}%</source>
        <translation>Progress: {period} {p}%</translation>
    </message>
    <message>
        <source>资金：{day} {source}{kind} {wan} 万元</source>
        <translation>Funds: {day} {source} {kind} {wan} (10k yuan)</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>Correct</translation>
    </message>
    <message>
        <source>撤回（视为未报送 / 未登记）</source>
        <translation>Withdraw (as if never reported / recorded)</translation>
    </message>
    <message>
        <source>必填，如：单位来函更正、录入错误</source>
        <translation>required, e.g. the unit wrote to correct it, or a typing error</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>完成百分比，0–100，可带一位小数</source>
        <translation>Percent complete, 0–100, one decimal allowed</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>新数值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>新说明</source>
        <translation>New note</translation>
    </message>
    <message>
        <source>万元；写明“元”则按元</source>
        <translation>in 10,000 yuan; put “元” after the number for yuan</translation>
    </message>
    <message>
        <source>尚未保存的修改</source>
        <translation>Changes not saved</translation>
    </message>
    <message>
        <source>以下修改尚未保存，{doing}前要保存吗？</source>
        <translation>The changes below are not saved. Save them before {doing}?</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>不保存</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>……共 {n} 项</source>
        <translation>… {n} in all</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>年份、截止日期与单位</source>
        <translation>Year, cut-off date and units</translation>
    </message>
    <message>
        <source>表中的完成比例、进展和资金将作为截至下面日期的第一次报送和资金记录导入。</source>
        <translation>The sheet&apos;s percent done, progress and funds are imported as the first report and fund entries as of the date below.</translation>
    </message>
    <message>
        <source>没写年份的日期（如“6月底”“年底”）按</source>
        <translation>Dates without a year (such as “6月底”, “年底”) are read in</translation>
    </message>
    <message>
        <source>表中进度的统计截止日期</source>
        <translation>Cut-off date of the sheet&apos;s progress</translation>
    </message>
    <message>
        <source>（取自表格标题）</source>
        <translation> (from the sheet&apos;s title)</translation>
    </message>
    <message>
        <source>（表格标题中没有年份，请确认）</source>
        <translation> (the sheet&apos;s title has no year; please confirm)</translation>
    </message>
    <message>
        <source>已按简称对应到台账中的单位：</source>
        <translation>Matched to the ledger&apos;s units by short name:</translation>
    </message>
    <message>
        <source>台账中找不到以下单位，请选择对应的单位或新建：</source>
        <translation>These units are not in the ledger; choose the matching unit or create it:</translation>
    </message>
    <message>
        <source>本页没有可导出或打印的表格。</source>
        <translation>This page has no table to export or print.</translation>
    </message>
    <message>
        <source>导出当前表格</source>
        <translation>Export this table</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出 {n} 行：{path}</source>
        <translation>Exported {n} rows: {path}</translation>
    </message>
    <message>
        <source>打印预览 — {t}</source>
        <translation>Print preview — {t}</translation>
    </message>
    <message>
        <source>新建安全管理员和审计管理员</source>
        <translation>Create the security and audit administrators</translation>
    </message>
    <message>
        <source>按等级保护“三员分立”要求，系统管理员、安全管理员、审计管理员须由不同的人分别担任。请为另外两位管理员建立账号，并把初始密码当面告知本人（首次登录时须改为自己的密码）。也可以稍后在“用户管理”中建立，下次登录时会再次提醒。</source>
        <translation>Under the graded-protection rule of three separate administrators, the system, security and audit administrators must be different people. Create accounts for the other two administrators and give each their initial password in person (they must change it at first sign-in). You can also do it later under Users; you will be reminded at the next sign-in.</translation>
    </message>
    <message>
        <source>操作日志校验未通过：{message}请立即告知系统管理员和审计管理员核查。</source>
        <translation>The audit log failed its check: {message} Tell the system administrator and the audit administrator at once.</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>督办台已锁定</source>
        <translation>Duban Desk is locked</translation>
    </message>
    <message>
        <source>长时间没有操作，督办台已锁定。请输入密码解锁，未保存的内容都还在。</source>
        <translation>Duban Desk locked itself after a long idle time. Enter your password to unlock; nothing unsaved was lost.</translation>
    </message>
    <message>
        <source>退出督办台</source>
        <translation>Quit Duban Desk</translation>
    </message>
    <message>
        <source>以下修改尚未保存，也没有自动保存的副本，退出后将丢失。要保存它们，请选“取消”，输入密码解锁后保存。
仍要退出督办台吗？</source>
        <translation>The following changes are not saved and have no autosaved copy; they will be lost when you quit. To save them, choose “Cancel”, unlock with your password and save.
Quit Duban Desk anyway?</translation>
    </message>
    <message>
        <source>账号已变更，本账号不能再保存以下修改，它们没有自动保存的副本，将随窗口关闭：
{lost}

其余未保存的内容已留存副本，本账号下次登录时可恢复。</source>
        <translation>The account was changed and can no longer save the edits below; they have no autosaved copy and go with the window:
{lost}

Other unsaved work has been kept as a copy, offered back when this account signs in again.</translation>
    </message>
    <message>
        <source>切换用户…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>恢复未保存的内容</source>
        <translation>Restore unsaved work</translation>
    </message>
    <message>
        <source>找到了上次未保存的{what}（督办台没有正常退出，或在锁屏时退出）。要恢复吗？
选“否”将丢弃这份副本。</source>
        <translation>Unsaved {what} from last time were found (Duban Desk did not close normally, or was quit at the lock screen). Restore them?
“No” throws this copy away.</translation>
    </message>
    <message>
        <source>退回补办</source>
        <translation>Returned for redo</translation>
    </message>
    <message>
        <source>OFD 内容不完整（{0}）</source>
        <translation>The OFD is incomplete ({0})</translation>
    </message>
    <message>
        <source>OFD 归档副本未能生成（{0}），未导出。</source>
        <translation>The archival OFD copy could not be made ({0}); nothing was exported.</translation>
    </message>
    <message>
        <source>OFD 无法打开（{0}）</source>
        <translation>The OFD cannot be opened ({0})</translation>
    </message>
    <message>
        <source>OFD 没有页面</source>
        <translation>The OFD has no pages</translation>
    </message>
    <message>
        <source>OFD 缺少文档根（DocRoot）</source>
        <translation>The OFD lacks its document root (DocRoot)</translation>
    </message>
    <message>
        <source>OFD.xml 不是 GB/T 33190 的命名空间</source>
        <translation>OFD.xml is not in the GB/T 33190 namespace</translation>
    </message>
    <message>
        <source>PDF 文件不完整（缺少文件尾）</source>
        <translation>The PDF is incomplete (no trailer)</translation>
    </message>
    <message>
        <source>PDF 无法打开：{0}</source>
        <translation>The PDF cannot be opened: {0}</translation>
    </message>
    <message>
        <source>ZIP 内“{0}”出现了两次，已拒绝。</source>
        <translation>&quot;{0}&quot; occurs twice in the ZIP; refused.</translation>
    </message>
    <message>
        <source>ZIP 内“{0}”压缩比超过 {1} 倍，已拒绝（疑似压缩炸弹）。</source>
        <translation>&quot;{0}&quot; in the ZIP is compressed more than {1} times; refused (looks like a zip bomb).</translation>
    </message>
    <message>
        <source>ZIP 内“{0}”已加密，无法校验，已拒绝。</source>
        <translation>&quot;{0}&quot; in the ZIP is encrypted and cannot be checked; refused.</translation>
    </message>
    <message>
        <source>ZIP 内“{0}”是一个链接，已拒绝。</source>
        <translation>&quot;{0}&quot; in the ZIP is a link; refused.</translation>
    </message>
    <message>
        <source>ZIP 内“{0}”解压后过大，已拒绝（疑似压缩炸弹）。</source>
        <translation>&quot;{0}&quot; in the ZIP is too large when unpacked; refused (looks like a zip bomb).</translation>
    </message>
    <message>
        <source>ZIP 内条目超过 {0} 个，已拒绝（疑似压缩炸弹）。</source>
        <translation>The ZIP has more than {0} entries; refused (looks like a zip bomb).</translation>
    </message>
    <message>
        <source>manifest.sha256 不是 UTF-8 文本。</source>
        <translation>manifest.sha256 is not UTF-8 text.</translation>
    </message>
    <message>
        <source>manifest.sha256 中“{0}”出现了两次。</source>
        <translation>&quot;{0}&quot; occurs twice in manifest.sha256.</translation>
    </message>
    <message>
        <source>manifest.sha256 第 {0} 行格式不对：{1}</source>
        <translation>Line {0} of manifest.sha256 is malformed: {1}</translation>
    </message>
    <message>
        <source>metadata.xml 不是督办台归档包的元数据。</source>
        <translation>metadata.xml is not the metadata of a Duban Desk archive package.</translation>
    </message>
    <message>
        <source>metadata.xml 内容有误：{0}</source>
        <translation>metadata.xml is wrong: {0}</translation>
    </message>
    <message>
        <source>metadata.xml 无法解析：{0}</source>
        <translation>metadata.xml cannot be parsed: {0}</translation>
    </message>
    <message>
        <source>{0} 含数据库密码，须只有本人可读（chmod 600 {1}），未使用。</source>
        <translation>{0} holds the database password and must be readable by its owner only (chmod 600 {1}); not used.</translation>
    </message>
    <message>
        <source>{0}“{1}”不是可选的一项。</source>
        <translation>{0} &quot;{1}&quot; is not one of the choices.</translation>
    </message>
    <message>
        <source>{0}“{1}”不是日期</source>
        <translation>{0} &quot;{1}&quot; is not a date</translation>
    </message>
    <message>
        <source>{0}“{1}”不是日期（应如 2026-12-31 或 2026年12月31日）</source>
        <translation>{0} &quot;{1}&quot; is not a date (write it like 2026-12-31 or 2026年12月31日)</translation>
    </message>
    <message>
        <source>{0}“{1}”不是有效日期</source>
        <translation>{0} &quot;{1}&quot; is not a valid date</translation>
    </message>
    <message>
        <source>{0}“{1}”没有写年份，请在向导中确认年份</source>
        <translation>{0} &quot;{1}&quot; has no year; please confirm the year in the wizard</translation>
    </message>
    <message>
        <source>{0}不能为负数</source>
        <translation>{0} cannot be negative</translation>
    </message>
    <message>
        <source>{0}只主送一个上级机关（现有 {1} 个：{2}）；需同时送其他机关的，请列入抄送。</source>
        <translation>{0} is addressed to one superior authority only (there are {1}: {2}); put any other recipients under CC.</translation>
    </message>
    <message>
        <source>{0}在{1}没有需要报送的任务。</source>
        <translation>{0} has no tasks that report in {1}.</translation>
    </message>
    <message>
        <source>{0}尚未开始，不能生成通报。</source>
        <translation>{0} has not started yet; no circular can be made.</translation>
    </message>
    <message>
        <source>{0}年度尚未开始，暂无可计算的考核结果。</source>
        <translation>The year {0} has not started yet; there are no assessment results to compute.</translation>
    </message>
    <message>
        <source>{0}年度没有可考核的牵头单位。</source>
        <translation>The year {0} has no lead units to assess.</translation>
    </message>
    <message>
        <source>{0}年度的考核方案已经存在。</source>
        <translation>The assessment scheme for {0} already exists.</translation>
    </message>
    <message>
        <source>{0}年度考核尚未定稿，无需重新打开。</source>
        <translation>The {0} assessment is not finalised: nothing to reopen.</translation>
    </message>
    <message>
        <source>{0}年度考核尚未定稿，请先定稿再生成考核结果通报。</source>
        <translation>The assessment for {0} is not final yet; finalise it before making the results circular.</translation>
    </message>
    <message>
        <source>{0}年度考核尚未定稿：先定稿，再提交领导小组会议审定。</source>
        <translation>The {0} assessment is not finalised: finalise it, then take it to the leading group&apos;s meeting.</translation>
    </message>
    <message>
        <source>{0}年度考核已定稿，不能再{1}。</source>
        <translation>The assessment for {0} is final; you can no longer {1}.</translation>
    </message>
    <message>
        <source>{0}年度考核方案已发布，指标和分值不能再改。</source>
        <translation>The assessment scheme for {0} is published; its indicators and points can no longer change.</translation>
    </message>
    <message>
        <source>{0}年度考核方案没有一票否决项。</source>
        <translation>The {0} assessment scheme has no veto item.</translation>
    </message>
    <message>
        <source>{0}年度考核结果通报已印发（{1}）。</source>
        <translation>The assessment results circular for {0} has been issued ({1}).</translation>
    </message>
    <message>
        <source>{0}年度还没有考核方案，请先新建。</source>
        <translation>There is no assessment scheme for {0} yet; please create one first.</translation>
    </message>
    <message>
        <source>{0}应为以万元计的数字</source>
        <translation>{0} must be a number in 10,000 yuan</translation>
    </message>
    <message>
        <source>{0}应为文字</source>
        <translation>{0} must be text</translation>
    </message>
    <message>
        <source>{0}是上行文，须标注签发人。</source>
        <translation>{0} is addressed upward and must name its signer.</translation>
    </message>
    <message>
        <source>{0}最多保留四位小数（精确到元）</source>
        <translation>{0} keeps at most four decimals (to the yuan)</translation>
    </message>
    <message>
        <source>{0}正文不能为空。</source>
        <translation>The body of {0} cannot be empty.</translation>
    </message>
    <message>
        <source>{0}的日期不能早于{1}（{2}）。</source>
        <translation>The date of {0} cannot be before {1} ({2}).</translation>
    </message>
    <message>
        <source>{0}的日期不能晚于今天。</source>
        <translation>The date of {0} cannot be after today.</translation>
    </message>
    <message>
        <source>{0}的日期不能晚于其后的{1}（{2}）。</source>
        <translation>The date of {0} cannot be after the {1} that follows it ({2}).</translation>
    </message>
    <message>
        <source>{0}的标题应以“{1}”结尾，如“关于……的{2}”。</source>
        <translation>The title of {0} must end with &quot;{1}&quot;, as in &quot;关于……的{2}&quot;.</translation>
    </message>
    <message>
        <source>{0}的通报已印发（{1}）。如需更正，请对该文件拟制更正件。</source>
        <translation>The circular for {0} has been issued ({1}). To correct it, draft a correction to that document.</translation>
    </message>
    <message>
        <source>{0}超过 {1} 万元，请核对单位（应以万元计）</source>
        <translation>{0} exceeds {1} (10,000 yuan); check the unit (amounts are in 10,000 yuan)</translation>
    </message>
    <message>
        <source>{0}超过 {1} 个字</source>
        <translation>{0} is longer than {1} characters</translation>
    </message>
    <message>
        <source>{0}超过 {1} 字，请精简</source>
        <translation>{0} is longer than {1} characters; please shorten it</translation>
    </message>
    <message>
        <source>{0}须写明{1}。</source>
        <translation>{0} must state {1}.</translation>
    </message>
    <message>
        <source>{0}须写明主送的上级机关。</source>
        <translation>{0} must name the superior authority it is addressed to.</translation>
    </message>
    <message>
        <source>“{0}”不是可读的 ZIP 文件：{1}</source>
        <translation>&quot;{0}&quot; is not a readable ZIP file: {1}</translation>
    </message>
    <message>
        <source>“{0}”不是文件夹（或是一个链接）。</source>
        <translation>&quot;{0}&quot; is not a folder (or is a link).</translation>
    </message>
    <message>
        <source>“{0}”不是有效的分数。</source>
        <translation>&quot;{0}&quot; is not a valid score.</translation>
    </message>
    <message>
        <source>“{0}”不是督办台导出的操作日志密钥文件。</source>
        <translation>&quot;{0}&quot; is not an audit-log key file exported by Duban Desk.</translation>
    </message>
    <message>
        <source>“{0}”不是督办台的加密传递副本。</source>
        <translation>“{0}” is not an encrypted transport copy of Duban Desk.</translation>
    </message>
    <message>
        <source>“{0}”中没有工作表“{1}”。</source>
        <translation>&quot;{0}&quot; has no worksheet &quot;{1}&quot;.</translation>
    </message>
    <message>
        <source>“{0}”剩余空间 {1}，本次约需 {2}（按两倍预留 {3}），空间不足，未开始写入。请换一个更大的移动介质。</source>
        <translation>&quot;{0}&quot; has {1} free; this needs about {2} (twice that reserved: {3}). Not enough space; nothing was written. Please use a larger removable medium.</translation>
    </message>
    <message>
        <source>“{0}”已是{1}。</source>
        <translation>&quot;{0}&quot; is already {1}.</translation>
    </message>
    <message>
        <source>“{0}”已是{1}状态。</source>
        <translation>&quot;{0}&quot; is already in state {1}.</translation>
    </message>
    <message>
        <source>“{0}”已登记（{1}），不能重复登记。</source>
        <translation>&quot;{0}&quot; is already recorded ({1}) and cannot be recorded twice.</translation>
    </message>
    <message>
        <source>“{0}”是一个链接，已拒绝。</source>
        <translation>&quot;{0}&quot; is a link; refused.</translation>
    </message>
    <message>
        <source>“{0}”是加分项，不能在指标内扣分。</source>
        <translation>&quot;{0}&quot; adds points: it cannot deduct inside an indicator.</translation>
    </message>
    <message>
        <source>“{0}”是台账中唯一启用的{1}，不能{2}。请先新建另一位{3}。</source>
        <translation>&quot;{0}&quot; is the only active {1} in the ledger and cannot be {2}. Please create another {3} first.</translation>
    </message>
    <message>
        <source>“{0}”没有待审核的变更。</source>
        <translation>&quot;{0}&quot; has no change waiting for review.</translation>
    </message>
    <message>
        <source>“{0}”没有督办台记载的操作日志链头（audit-head.json）。</source>
        <translation>&quot;{0}&quot; has no audit-chain head recorded by Duban Desk (audit-head.json).</translation>
    </message>
    <message>
        <source>“{0}”没有被锁定。</source>
        <translation>&quot;{0}&quot; is not locked.</translation>
    </message>
    <message>
        <source>“{0}”牵头的任务目前都亮绿灯，无需督办。</source>
        <translation>Every task led by &quot;{0}&quot; is green; no supervision needed.</translation>
    </message>
    <message>
        <source>“{0}”角色无权{1}，此操作未执行。</source>
        <translation>The role &quot;{0}&quot; may not {1}; nothing was done.</translation>
    </message>
    <message>
        <source>一次最多导入 {0} 个文件，请分批导入。</source>
        <translation>At most {0} files can be imported at once; please import them in batches.</translation>
    </message>
    <message>
        <source>一票否决“{0}”的处理方式不对。</source>
        <translation>The veto &quot;{0}&quot; has an unknown mode.</translation>
    </message>
    <message>
        <source>一票否决“{0}”限定的最高等次应为方案中的一个等次。</source>
        <translation>The grade the veto &quot;{0}&quot; caps at must be a grade of the scheme.</translation>
    </message>
    <message>
        <source>一票否决只能是“是”（1）或“否”（0）。</source>
        <translation>A veto can only be &quot;yes&quot; (1) or &quot;no&quot; (0).</translation>
    </message>
    <message>
        <source>一票否决的处理方式应为 {0} 之一。</source>
        <translation>What the veto does must be one of {0}.</translation>
    </message>
    <message>
        <source>一票否决项只能有一项。</source>
        <translation>There can be only one veto item.</translation>
    </message>
    <message>
        <source>一票否决须写明事由。</source>
        <translation>A veto must state its reason.</translation>
    </message>
    <message>
        <source>不予批准需要写明理由。</source>
        <translation>A refusal must state its reason.</translation>
    </message>
    <message>
        <source>不得重复使用的历史密码数应在 1 至 24 之间。</source>
        <translation>The number of earlier passwords that may not be reused must be between 1 and 24.</translation>
    </message>
    <message>
        <source>不支持的格式“{0}”，可选 pdf 或 ofd。</source>
        <translation>Unsupported format &quot;{0}&quot;; choose pdf or ofd.</translation>
    </message>
    <message>
        <source>不是 PDF 文件（缺少 %PDF 文件头）</source>
        <translation>Not a PDF file (no %PDF header)</translation>
    </message>
    <message>
        <source>不是督办台生成的报送模板</source>
        <translation>Not a report template made by Duban Desk</translation>
    </message>
    <message>
        <source>不是督办台生成的报送模板（缺少或无法识别隐藏签名）</source>
        <translation>Not a report template made by Duban Desk (its hidden signature is missing or unreadable)</translation>
    </message>
    <message>
        <source>不能{0}自己的{1}账号，请由其他管理员操作。</source>
        <translation>You cannot {0} your own {1} account; please ask another administrator.</translation>
    </message>
    <message>
        <source>不能以自拟正文新建{0}。</source>
        <translation>A {0} cannot be created with free text.</translation>
    </message>
    <message>
        <source>不能更正的栏目：{0}。</source>
        <translation>Fields that cannot be corrected: {0}.</translation>
    </message>
    <message>
        <source>不能锁定自己的账号。</source>
        <translation>You cannot lock your own account.</translation>
    </message>
    <message>
        <source>不采纳建议需要写明理由。</source>
        <translation>Declining a proposal must state its reason.</translation>
    </message>
    <message>
        <source>与已登记的内容相同，无需更正。</source>
        <translation>Nothing differs from what was recorded: no correction needed.</translation>
    </message>
    <message>
        <source>两次催办的最短间隔应在 0 至 60 天之间。</source>
        <translation>The minimum interval between two reminders must be between 0 and 60 days.</translation>
    </message>
    <message>
        <source>主办单位不必再列为协办单位。</source>
        <translation>The host unit need not be listed as a co-handling unit too.</translation>
    </message>
    <message>
        <source>以下单位拟评为“{0}”，须先由平安办完成{1}等次资格审核：{2}。</source>
        <translation>These units are proposed as &quot;{0}&quot; and need the office&apos;s {1} eligibility review first: {2}.</translation>
    </message>
    <message>
        <source>任务 {0} 已于 {1} 催办，距今 {2} 天，未满两次催办的最短间隔 {3} 天（可在设置中调整），此次催办未发起。</source>
        <translation>Task {0} was chased on {1}, {2} days ago: less than the minimum interval of {3} days between two chases (a setting). This chase was not raised.</translation>
    </message>
    <message>
        <source>任务 {0} 已完成，无需督办。</source>
        <translation>Task {0} is complete; no supervision needed.</translation>
    </message>
    <message>
        <source>任务 {0} 当前为“{1}”，不能转为“{2}”。</source>
        <translation>Task {0} is &quot;{1}&quot; and cannot become &quot;{2}&quot;.</translation>
    </message>
    <message>
        <source>任务 {0} 没有{1}的进度报送。</source>
        <translation>Task {0} has no progress report for {1}.</translation>
    </message>
    <message>
        <source>任务 {0}：{1}早于任务开始时间。</source>
        <translation>Task {0}: {1} is before the task&apos;s start.</translation>
    </message>
    <message>
        <source>任务 {0}：不能报送未来期次（{1}）。</source>
        <translation>Task {0}: a future period ({1}) cannot be reported.</translation>
    </message>
    <message>
        <source>任务 {0}：本期 {1}% 低于上期（{2}）{3}%，请填写回落原因。</source>
        <translation>Task {0}: this period&apos;s {1}% is below the last one ({2}) at {3}%; please give the reason for the drop.</translation>
    </message>
    <message>
        <source>任务名称不能为空。</source>
        <translation>The task name cannot be empty.</translation>
    </message>
    <message>
        <source>任务名称为空</source>
        <translation>The task name is empty</translation>
    </message>
    <message>
        <source>任务编号“{0}”已被使用。</source>
        <translation>Task code &quot;{0}&quot; is already in use.</translation>
    </message>
    <message>
        <source>任务编号不能为空。</source>
        <translation>The task code cannot be empty.</translation>
    </message>
    <message>
        <source>份号应为不超过 6 位的数字。</source>
        <translation>The copy number must be a number of at most 6 digits.</translation>
    </message>
    <message>
        <source>会议尚无议定事项，无法生成纪要。</source>
        <translation>The meeting has no decisions yet; no minutes can be made.</translation>
    </message>
    <message>
        <source>传递副本写入后回读不一致，介质可能有坏块，已作废。</source>
        <translation>The transport copy read back differently from what was written; the medium may have bad blocks. The copy was discarded.</translation>
    </message>
    <message>
        <source>全宗号应为 1 至 4 个字符。</source>
        <translation>The fonds code must be 1 to 4 characters.</translation>
    </message>
    <message>
        <source>公文 {0} 存档的 OFD 与登记的校验值不符，可能已被改动。</source>
        <translation>The archived OFD of document {0} does not match its registered checksum; it may have been altered.</translation>
    </message>
    <message>
        <source>公文 {0} 存档的 PDF 与登记的校验值不符，可能已被改动。</source>
        <translation>The archived PDF of document {0} does not match its registered checksum; it may have been altered.</translation>
    </message>
    <message>
        <source>公文 {0} 已印发，不能修改。</source>
        <translation>Document {0} has been issued and cannot be changed.</translation>
    </message>
    <message>
        <source>公文 {0} 已印发，不能删除。</source>
        <translation>Document {0} has been issued and cannot be deleted.</translation>
    </message>
    <message>
        <source>公文 {0} 的文件“{1}”{2}，未导出。</source>
        <translation>The file &quot;{1}&quot; of document {0} {2}; nothing was exported.</translation>
    </message>
    <message>
        <source>公文 {0}（{1}）存档的 OFD 与印发时登记的校验值不符，可能已被改动，未导出归档包。</source>
        <translation>The archived OFD of document {0} ({1}) does not match the checksum registered at issue; it may have been altered. No archive package was exported.</translation>
    </message>
    <message>
        <source>公文 {0}（{1}）存档的 PDF 与印发时操作日志记录的校验值不符，文件和登记的校验值可能被一并替换，未导出归档包。</source>
        <translation>The archived PDF of document {0} ({1}) does not match the checksum the audit log recorded at issue; the file and its registered checksum may both have been replaced. No archive package was exported.</translation>
    </message>
    <message>
        <source>公文 {0}（{1}）存档的 PDF 与印发时登记的校验值不符，可能已被改动，未导出归档包。</source>
        <translation>The archived PDF of document {0} ({1}) does not match the checksum registered at issue; it may have been altered. No archive package was exported.</translation>
    </message>
    <message>
        <source>公文标题不能为空。</source>
        <translation>The document title cannot be empty.</translation>
    </message>
    <message>
        <source>公文标题不能超过 200 字。</source>
        <translation>The document title cannot be longer than 200 characters.</translation>
    </message>
    <message>
        <source>公文正文不能为空。</source>
        <translation>The document body cannot be empty.</translation>
    </message>
    <message>
        <source>共享台账（数据库服务器）由服务器管理员备份，不能在本机备份。</source>
        <translation>A shared ledger (database server) is backed up by the server&apos;s administrator, not on this PC.</translation>
    </message>
    <message>
        <source>其他窗口正在发文，暂时无法取得文号，请稍后再试。</source>
        <translation>Another window is issuing a document; no number can be taken right now. Please try again shortly.</translation>
    </message>
    <message>
        <source>写传递副本失败：{0}。未留下不完整的文件。</source>
        <translation>Writing the transport copy failed: {0}. No incomplete file was left.</translation>
    </message>
    <message>
        <source>写出后回读不一致，介质可能有坏块，已作废。</source>
        <translation>What was written read back differently; the medium may have bad blocks. It was discarded.</translation>
    </message>
    <message>
        <source>到期提醒应在 0 至 30 天之间（0 为不提醒）。</source>
        <translation>The deadline reminder must be between 0 and 30 days (0: no reminder).</translation>
    </message>
    <message>
        <source>办理期限应在 1 至 366 天之间。</source>
        <translation>The time allowed must be between 1 and 366 days.</translation>
    </message>
    <message>
        <source>加减分项“{0}”所扣的指标不存在。</source>
        <translation>The indicator item &quot;{0}&quot; deducts from does not exist.</translation>
    </message>
    <message>
        <source>加减分项“{0}”的加倍系数不能小于 1。</source>
        <translation>The factors of item &quot;{0}&quot; cannot be below 1.</translation>
    </message>
    <message>
        <source>加减分项“{0}”的封顶分不能为负数。</source>
        <translation>The cap of bonus/deduction item &quot;{0}&quot; cannot be negative.</translation>
    </message>
    <message>
        <source>加减分项“{0}”的计分依据不对。</source>
        <translation>The scoring basis of bonus/deduction item &quot;{0}&quot; is wrong.</translation>
    </message>
    <message>
        <source>加减分项名称不能为空。</source>
        <translation>The bonus/deduction item needs a name.</translation>
    </message>
    <message>
        <source>加减分项的代码不能为空或重复。</source>
        <translation>Bonus/deduction item codes cannot be empty or repeated.</translation>
    </message>
    <message>
        <source>加密备份与其 .sha256 校验值不符：备份已损坏或被改动，未恢复。</source>
        <translation>The encrypted backup does not match its .sha256 checksum: the backup is damaged or altered; nothing was restored.</translation>
    </message>
    <message>
        <source>加密算法“{0}”不可用：应为 aes（AES-256-GCM）或 sm4（国密 SM4）。</source>
        <translation>Algorithm &quot;{0}&quot; is not available: use aes (AES-256-GCM) or sm4 (Chinese national SM4).</translation>
    </message>
    <message>
        <source>包内“{0}”不是普通文件，已拒绝。</source>
        <translation>&quot;{0}&quot; in the package is not an ordinary file; refused.</translation>
    </message>
    <message>
        <source>包内“{0}”会写到目标文件夹之外，已拒绝。</source>
        <translation>&quot;{0}&quot; in the package would be written outside the target folder; refused.</translation>
    </message>
    <message>
        <source>包内“{0}”是一个链接，已拒绝。</source>
        <translation>&quot;{0}&quot; in the package is a link; refused.</translation>
    </message>
    <message>
        <source>包内“{0}”经过一个链接，已拒绝。</source>
        <translation>&quot;{0}&quot; in the package passes through a link; refused.</translation>
    </message>
    <message>
        <source>包内“{0}”过大（{1} 字节），已拒绝。</source>
        <translation>&quot;{0}&quot; in the package is too large ({1} bytes); refused.</translation>
    </message>
    <message>
        <source>包内文件“{0}”使用了绝对路径或盘符，已拒绝。</source>
        <translation>The file &quot;{0}&quot; in the package uses an absolute path or drive letter; refused.</translation>
    </message>
    <message>
        <source>包内文件“{0}”试图指向包外（含 ..），已拒绝。</source>
        <translation>The file &quot;{0}&quot; in the package points outside the package (contains ..); refused.</translation>
    </message>
    <message>
        <source>包内文件超过 {0} 个，不像真实的归档包。</source>
        <translation>The package has more than {0} files; it does not look like a real archive package.</translation>
    </message>
    <message>
        <source>包内有无效的文件名：{0}。</source>
        <translation>The package has an invalid file name: {0}.</translation>
    </message>
    <message>
        <source>单位“{0}”已存在。</source>
        <translation>Unit &quot;{0}&quot; already exists.</translation>
    </message>
    <message>
        <source>单位名称不能为空。</source>
        <translation>The unit name cannot be empty.</translation>
    </message>
    <message>
        <source>原密码不正确。</source>
        <translation>The old password is not correct.</translation>
    </message>
    <message>
        <source>发文机关名称和发文字号机关代字不能为空。</source>
        <translation>The issuing authority&apos;s name and the code in the document number cannot be empty.</translation>
    </message>
    <message>
        <source>发文机关标志不能为空。</source>
        <translation>The issuing authority&apos;s mark cannot be empty.</translation>
    </message>
    <message>
        <source>口令不正确，或传递副本已损坏、被改动：无法解密，未写出任何文件。</source>
        <translation>Wrong passphrase, or the transport copy is damaged or altered: it cannot be decrypted; no file was written.</translation>
    </message>
    <message>
        <source>只有已印发的公文才需要更正；草稿可直接修改。</source>
        <translation>Only issued documents need corrections; a draft can be edited directly.</translation>
    </message>
    <message>
        <source>只能为督办通知或催办单生成督办草稿。</source>
        <translation>A supervision draft can only be made for a supervision notice or a reminder slip.</translation>
    </message>
    <message>
        <source>台账快照自检未通过，未写出备份。</source>
        <translation>The ledger snapshot failed its self-check; no backup was written.</translation>
    </message>
    <message>
        <source>台账的数据库版本与其中的数据表不一致（版本 {0}，却已有较新版本的表：{1}），程序无法自动修复。台账未作任何改动，请联系技术支持，或从备份恢复。</source>
        <translation>The ledger&apos;s database version does not match its tables (version {0}, yet tables of a newer version exist: {1}); the program cannot repair it. The ledger was not changed; please contact support or restore from a backup.</translation>
    </message>
    <message>
        <source>各评分来源的权重应为正数，合计 100。</source>
        <translation>Source weights must be positive and add up to 100.</translation>
    </message>
    <message>
        <source>各项指标权重之和应为 100，现为 {0}。</source>
        <translation>The indicators&apos; weights must add up to 100; now {0}.</translation>
    </message>
    <message>
        <source>同一列不能对应两个字段。</source>
        <translation>Two fields cannot use the same column.</translation>
    </message>
    <message>
        <source>启动问责的日期不能早于认定整改未完成的日期。</source>
        <translation>Accountability cannot start before the date the rectification was found not done.</translation>
    </message>
    <message>
        <source>回复日期应在发起日期和今天之间。</source>
        <translation>The reply date must be between the start date and today.</translation>
    </message>
    <message>
        <source>回复期限不能早于今天{0}，请另定期限。</source>
        <translation>The reply deadline cannot be before today {0}; please set another deadline.</translation>
    </message>
    <message>
        <source>回复期限不能早于发起日期（{0}）。</source>
        <translation>The reply deadline cannot be before the start date ({0}).</translation>
    </message>
    <message>
        <source>回复期限应在 1 至 90 天之间。</source>
        <translation>The reply deadline must be between 1 and 90 days.</translation>
    </message>
    <message>
        <source>填写保密期限时须同时填写密级。</source>
        <translation>A secrecy period needs a secrecy level too.</translation>
    </message>
    <message>
        <source>备份写入后回读与原文件不一致，介质可能有坏块，备份已作废。</source>
        <translation>The backup read back after writing differs from the original; the medium may have bad blocks. The backup was discarded.</translation>
    </message>
    <message>
        <source>备份加密算法应为 aes（AES-256-GCM）或 sm4（国密 SM4）。</source>
        <translation>The backup algorithm must be aes (AES-256-GCM) or sm4 (Chinese national SM4).</translation>
    </message>
    <message>
        <source>备份口令不正确，或加密备份已损坏、被改动：无法解密，台账未作任何改动。</source>
        <translation>The backup passphrase is wrong, or the encrypted backup is damaged or altered: it cannot be decrypted, and the ledger was not changed.</translation>
    </message>
    <message>
        <source>备份口令至少 {0} 个字符。</source>
        <translation>The backup passphrase needs at least {0} characters.</translation>
    </message>
    <message>
        <source>备份失败：{0}。未留下不完整的备份。</source>
        <translation>Backup failed: {0}. No incomplete backup was left behind.</translation>
    </message>
    <message>
        <source>备份文件在检查后发生了变化，未恢复。</source>
        <translation>The backup file changed after it was checked; nothing was restored.</translation>
    </message>
    <message>
        <source>姓名不能为空。</source>
        <translation>The name cannot be empty.</translation>
    </message>
    <message>
        <source>姓名不能超过 40 个字。</source>
        <translation>The name cannot be longer than 40 characters.</translation>
    </message>
    <message>
        <source>姓名没有改动。</source>
        <translation>The name was not changed.</translation>
    </message>
    <message>
        <source>字体“{0}”未嵌入</source>
        <translation>Font &quot;{0}&quot; is not embedded</translation>
    </message>
    <message>
        <source>完成日期不能晚于今天。</source>
        <translation>The completion date cannot be after today.</translation>
    </message>
    <message>
        <source>完成时限不能早于开始时间。</source>
        <translation>The deadline cannot be before the start.</translation>
    </message>
    <message>
        <source>完成时限为空</source>
        <translation>The deadline is empty</translation>
    </message>
    <message>
        <source>完成时限早于开始时间</source>
        <translation>The deadline is before the start</translation>
    </message>
    <message>
        <source>完成比例“{0}”不是百分数</source>
        <translation>Percent done &quot;{0}&quot; is not a percentage</translation>
    </message>
    <message>
        <source>完成比例“{0}”应在 0% 到 100% 之间</source>
        <translation>Percent done &quot;{0}&quot; must be between 0% and 100%</translation>
    </message>
    <message>
        <source>完成比例应为百分数</source>
        <translation>Percent done must be a percentage</translation>
    </message>
    <message>
        <source>该约谈已有进行中的问责程序（或已决定不予、免予问责）。</source>
        <translation>This interview already has an accountability procedure in progress (or one ended with no accountability or an exemption).</translation>
    </message>
    <message>
        <source>任务 {0}：完成百分比应为 0 到 100 的数，可带一位小数（收到 {1}）。</source>
        <translation>Task {0}: the percent complete should be a number from 0 to 100, with at most one decimal (got {1}).</translation>
    </message>
    <message>
        <source>{0} 第 {1} 行格式不对，请重新安装督办台</source>
        <translation>Line {1} of {0} is malformed; please reinstall Duban Desk</translation>
    </message>
    <message>
        <source>“{0}”是加密传递副本，不是归档包本身：请先用同一口令解密（文件 → 解密传递副本…，或 duban archive decrypt-copy），再对解密得到的归档包操作。</source>
        <translation>“{0}” is an encrypted transport copy, not the archive package itself: decrypt it first with the same passphrase (File → Decrypt transport copy…, or duban archive decrypt-copy), then work on the package decrypted from it.</translation>
    </message>
    <message>
        <source>“{0}”是加密的台账备份，不是归档包。</source>
        <translation>“{0}” is an encrypted ledger backup, not an archive package.</translation>
    </message>
    <message>
        <source>“{0}”最多一位小数。</source>
        <translation>“{0}” takes at most one decimal.</translation>
    </message>
    <message>
        <source>任务 {0}：完成百分比应在 0 到 100 之间（收到 {1}）。</source>
        <translation>Task {0}: the percent complete should be between 0 and 100 (got {1}).</translation>
    </message>
    <message>
        <source>任务 {0}：完成百分比最多一位小数（收到 {1}）。</source>
        <translation>Task {0}: the percent complete takes at most one decimal (got {1}).</translation>
    </message>
    <message>
        <source>公文 {0} 存档的 {1} 与印发时操作日志记录的校验值不符，文件和登记的校验值可能被一并替换，未输出。</source>
        <translation>The {1} kept for document {0} does not match the hash the audit log recorded when it was issued; the file and its recorded hash may both have been replaced. Nothing was written.</translation>
    </message>
    <message>
        <source>公文 {0}（{1}）印发时只存档了 PDF（操作日志的印发记录中没有 OFD），现在却有 OFD，可能是事后加入的，未导出归档包。</source>
        <translation>Document {0} ({1}) was issued with its PDF only (the issue record in the audit log has no OFD), yet it now has an OFD, which may have been added afterwards; no archive package was exported.</translation>
    </message>
    <message>
        <source>台账一直被其他操作占用，今日自动备份试了 {0} 次仍未完成，下次启动时再试；也可用“文件 → 备份台账…”立即备份。</source>
        <translation>The ledger was held by other work throughout: today&apos;s automatic backup was tried {0} times without success and will be tried at the next start; File → Back up ledger… backs up now.</translation>
    </message>
    <message>
        <source>完成百分比应为0到100的数，最多一位小数</source>
        <translation>The percent complete should be a number from 0 to 100, with at most one decimal</translation>
    </message>
    <message>
        <source>完成百分比最多一位小数（填的是 {0}）</source>
        <translation>The percent complete takes at most one decimal (the cell holds {0})</translation>
    </message>
    <message>
        <source>审定日期不能早于定稿日期。</source>
        <translation>The decision cannot be dated before the year was finalised.</translation>
    </message>
    <message>
        <source>审定日期不能晚于今天。</source>
        <translation>The decision cannot be dated after today.</translation>
    </message>
    <message>
        <source>密码中不能含有用户名。</source>
        <translation>The password cannot contain the user name.</translation>
    </message>
    <message>
        <source>密码最短长度应在 8 至 64 位之间（等保要求至少 8 位）。</source>
        <translation>The minimum password length must be 8 to 64 characters (the graded protection scheme asks for at least 8).</translation>
    </message>
    <message>
        <source>密码有效期应在 0 至 365 天之间（0 为不过期）。</source>
        <translation>The password lifetime must be between 0 and 365 days (0: never expires).</translation>
    </message>
    <message>
        <source>密码至少需要 {0} 位。</source>
        <translation>The password needs at least {0} characters.</translation>
    </message>
    <message>
        <source>密码须含大写字母、小写字母、数字、符号中的至少 {0} 类（现在只有：{1}）。</source>
        <translation>The password needs at least {0} of: capital letters, small letters, digits, symbols (it has only: {1}).</translation>
    </message>
    <message>
        <source>密码须含的字符类数应为 3 或 4。</source>
        <translation>The number of character classes required must be 3 or 4.</translation>
    </message>
    <message>
        <source>密码首尾不能是空格。</source>
        <translation>The password cannot begin or end with a space.</translation>
    </message>
    <message>
        <source>密级应为 秘密、机密 或 绝密。</source>
        <translation>The secrecy level must be 秘密, 机密 or 绝密.</translation>
    </message>
    <message>
        <source>导入失败：{0}。未留下不完整的副本。</source>
        <translation>Import failed: {0}. No incomplete copy was left behind.</translation>
    </message>
    <message>
        <source>导出失败：{0}。{1}</source>
        <translation>Export failed: {0}. {1}</translation>
    </message>
    <message>
        <source>尚无整改情况报告，不能核实销号。</source>
        <translation>There is no rectification report yet; the item cannot be verified and closed.</translation>
    </message>
    <message>
        <source>尚未收到回复，办结需要写明理由。</source>
        <translation>No reply has been received; closing needs a reason.</translation>
    </message>
    <message>
        <source>尚未登记“{0}”，不能生成{1}。</source>
        <translation>&quot;{0}&quot; is not recorded yet; no {1} can be made.</translation>
    </message>
    <message>
        <source>尚未登记“{0}”，无可更正。</source>
        <translation>“{0}” has not been recorded: nothing to correct.</translation>
    </message>
    <message>
        <source>尚未登记回复，没有可退回的回复。</source>
        <translation>No reply has been recorded; there is nothing to send back.</translation>
    </message>
    <message>
        <source>嵌入字体“{0}”无法读取（{1}）</source>
        <translation>Embedded font &quot;{0}&quot; cannot be read ({1})</translation>
    </message>
    <message>
        <source>嵌入字体“{0}”缺少 {1} 表</source>
        <translation>Embedded font &quot;{0}&quot; lacks its {1} table</translation>
    </message>
    <message>
        <source>工作表“{0}”超过 {1} 行，请分批导入。</source>
        <translation>Worksheet &quot;{0}&quot; has more than {1} rows; please import it in batches.</translation>
    </message>
    <message>
        <source>工程“{0}”还有 {1} 项任务未销号（{2}），不能关闭。</source>
        <translation>Project &quot;{0}&quot; still has {1} open tasks ({2}) and cannot be closed.</translation>
    </message>
    <message>
        <source>工程名称不能为空。</source>
        <translation>The project name cannot be empty.</translation>
    </message>
    <message>
        <source>工程编号“{0}”已被使用。</source>
        <translation>Project code &quot;{0}&quot; is already in use.</translation>
    </message>
    <message>
        <source>工程编号和名称不能为空。</source>
        <translation>The project code and name cannot be empty.</translation>
    </message>
    <message>
        <source>年度“{0}”不对。</source>
        <translation>The year &quot;{0}&quot; is wrong.</translation>
    </message>
    <message>
        <source>年度“{0}”不对，应为四位数字。</source>
        <translation>The year &quot;{0}&quot; is wrong; it must be four digits.</translation>
    </message>
    <message>
        <source>延期需要给出晚于原时限的新完成时限。</source>
        <translation>An extension needs a new deadline later than the old one.</translation>
    </message>
    <message>
        <source>延期须在办理期限（{0}）前提出；逾期后的申请不予受理。</source>
        <translation>An extension must be asked for before the deadline ({0}); requests after it are not accepted.</translation>
    </message>
    <message>
        <source>归档 OFD 不得加密</source>
        <translation>An archival OFD must not be encrypted</translation>
    </message>
    <message>
        <source>归档 OFD 不得设置权限或视图首选项</source>
        <translation>An archival OFD must not set permissions or view preferences</translation>
    </message>
    <message>
        <source>归档 OFD 应只含一个文档</source>
        <translation>An archival OFD must hold exactly one document</translation>
    </message>
    <message>
        <source>归档 OFD 的 DocType 应为 OFD-A</source>
        <translation>The DocType of an archival OFD must be OFD-A</translation>
    </message>
    <message>
        <source>归档包缺少元数据，拒绝导入。</source>
        <translation>The archive package has no metadata; import refused.</translation>
    </message>
    <message>
        <source>归档格式“{0}”不对，应为 both、pdf 或 ofd。</source>
        <translation>Archive format “{0}” is not valid; use both, pdf or ofd.</translation>
    </message>
    <message>
        <source>归档格式应为 both（PDF 与 OFD）、pdf 或 ofd。</source>
        <translation>The archive format must be both (PDF and OFD), pdf or ofd.</translation>
    </message>
    <message>
        <source>当前应登记{0}，不能登记“{1}”。</source>
        <translation>{0} is the step to record now, not &quot;{1}&quot;.</translation>
    </message>
    <message>
        <source>当前表格没有可导出的列。</source>
        <translation>The table has no columns to export.</translation>
    </message>
    <message>
        <source>恢复失败：{0}。原台账未被替换。</source>
        <translation>Restore failed: {0}. The ledger was not replaced.</translation>
    </message>
    <message>
        <source>截止日期早于起始日期。</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <source>截至{0}，台账中没有已开始的任务。</source>
        <translation>As of {0}, no task in the ledger has started.</translation>
    </message>
    <message>
        <source>执行期限应在 1 至 180 天之间。</source>
        <translation>The execution period must be between 1 and 180 days.</translation>
    </message>
    <message>
        <source>执行预警天数应小于执行期限。</source>
        <translation>The execution warning (days) must be shorter than the execution period.</translation>
    </message>
    <message>
        <source>找不到任务 {0}。</source>
        <translation>Task {0} not found.</translation>
    </message>
    <message>
        <source>找不到单位“{0}”。</source>
        <translation>Unit &quot;{0}&quot; not found.</translation>
    </message>
    <message>
        <source>找不到名为“{0}”的单位。</source>
        <translation>No unit named &quot;{0}&quot; was found.</translation>
    </message>
    <message>
        <source>找不到归档包“{0}”。</source>
        <translation>Archive package &quot;{0}&quot; not found.</translation>
    </message>
    <message>
        <source>找不到当前用户。</source>
        <translation>The current user was not found.</translation>
    </message>
    <message>
        <source>找不到编号为“{0}”的任务。</source>
        <translation>No task with code &quot;{0}&quot; was found.</translation>
    </message>
    <message>
        <source>找不到该{0}（编号 {1}），可能已被他人删除。</source>
        <translation>This {0} (number {1}) was not found; someone may have deleted it.</translation>
    </message>
    <message>
        <source>找不到该用户，可能已被其他管理员修改，请刷新后重试。</source>
        <translation>The user was not found; another administrator may have changed it. Please refresh and try again.</translation>
    </message>
    <message>
        <source>报告中不得夹带请示事项（正文中有“{0}”）；需上级批准的事项请另行请示。</source>
        <translation>A report must not carry a request (the body has &quot;{0}&quot;); ask for approval in a separate request.</translation>
    </message>
    <message>
        <source>报告日期不能晚于今天。</source>
        <translation>The report date cannot be after today.</translation>
    </message>
    <message>
        <source>报送截止日应在每月 1 日至 28 日之间。</source>
        <translation>The reporting deadline must be between day 1 and day 28 of the month.</translation>
    </message>
    <message>
        <source>报送期次“{0}”格式不对，应为“年-月”，例如 2026-05。</source>
        <translation>The reporting period &quot;{0}&quot; is malformed; it must be &quot;year-month&quot;, e.g. 2026-05.</translation>
    </message>
    <message>
        <source>指标“{0}”没有台账计算公式，只能人工评分。</source>
        <translation>Indicator &quot;{0}&quot; has no ledger formula: it can only be scored by hand.</translation>
    </message>
    <message>
        <source>指标“{0}”的基本分应在 0–100 之间。</source>
        <translation>The base points of indicator &quot;{0}&quot; must be between 0 and 100.</translation>
    </message>
    <message>
        <source>指标“{0}”的权重不能为负数。</source>
        <translation>The weight of indicator &quot;{0}&quot; cannot be negative.</translation>
    </message>
    <message>
        <source>指标“{0}”的评分方式不对。</source>
        <translation>The scoring method of indicator &quot;{0}&quot; is wrong.</translation>
    </message>
    <message>
        <source>指标代码不能为空或重复，请检查指标列表。</source>
        <translation>Indicator codes cannot be empty or repeated; check the list.</translation>
    </message>
    <message>
        <source>指标名称不能为空。</source>
        <translation>The indicator name cannot be empty.</translation>
    </message>
    <message>
        <source>收文时间不能晚于今天。</source>
        <translation>The date received cannot be after today.</translation>
    </message>
    <message>
        <source>改变拟定等次须写明理由。</source>
        <translation>Changing a proposed grade needs a reason.</translation>
    </message>
    <message>
        <source>改定的约谈时间不能早于今天。</source>
        <translation>The new interview time cannot be before today.</translation>
    </message>
    <message>
        <source>敏感时段“{0}”的日期应写作 MM-DD。</source>
        <translation>The dates of sensitive period &quot;{0}&quot; must be written MM-DD.</translation>
    </message>
    <message>
        <source>敏感时段“{0}”的起止日期不对或未命名。</source>
        <translation>Sensitive period &quot;{0}&quot; has wrong dates or no name.</translation>
    </message>
    <message>
        <source>整改期限已过，不能再修改期限；请认定整改未完成，或核实整改情况后销号。</source>
        <translation>The rectification deadline has passed and can no longer change; record the rectification as not done, or verify it and close the item.</translation>
    </message>
    <message>
        <source>整改期限应晚于今天。</source>
        <translation>The rectification deadline must be after today.</translation>
    </message>
    <message>
        <source>整改期限未到，不能认定整改未完成。</source>
        <translation>The rectification deadline has not come yet; it cannot be recorded as not done.</translation>
    </message>
    <message>
        <source>文件“{0}”不是督办台的台账文件（不是 SQLite 数据库）。</source>
        <translation>The file &quot;{0}&quot; is not a Duban Desk ledger (not an SQLite database).</translation>
    </message>
    <message>
        <source>文件“{0}”是空的。</source>
        <translation>The file &quot;{0}&quot; is empty.</translation>
    </message>
    <message>
        <source>文件“{0}”超过 50 MB，请压缩或拆分后再附上。</source>
        <translation>The file &quot;{0}&quot; is larger than 50 MB; please compress or split it before attaching it.</translation>
    </message>
    <message>
        <source>新密码不能与最近 {0} 次用过的密码相同。</source>
        <translation>The new password cannot be one of the last {0} passwords used.</translation>
    </message>
    <message>
        <source>方案名称不能为空。</source>
        <translation>The scheme name cannot be empty.</translation>
    </message>
    <message>
        <source>无法写入文件“{0}”：{1}</source>
        <translation>Cannot write the file &quot;{0}&quot;: {1}</translation>
    </message>
    <message>
        <source>无法创建台账所在的文件夹：{0}（{1}）</source>
        <translation>Cannot create the ledger&apos;s folder: {0} ({1})</translation>
    </message>
    <message>
        <source>无法创建台账文件：{0}（{1}）</source>
        <translation>Cannot create the ledger file: {0} ({1})</translation>
    </message>
    <message>
        <source>无法打开台账“{0}”：数据库服务器拒绝登录（没有提供密码，或密码不对）。请把密码写进 PostgreSQL 的密码文件（PGPASSFILE，默认 ~/.pgpass，权限 0600），不要写在地址里。</source>
        <translation>Cannot open the ledger “{0}”: the database server refused the sign-in (no password given, or a wrong one). Put the password in PostgreSQL&apos;s password file (PGPASSFILE, by default ~/.pgpass, mode 0600), not in the address.</translation>
    </message>
    <message>
        <source>无法把随程序提供的字体 {0} 解压到 {1}：{2}。请腾出磁盘空间或让该文件夹可写，再重新打开督办台</source>
        <translation>Cannot unpack the bundled font {0} into {1}: {2}. Free some disk space or make that folder writable, then open Duban Desk again</translation>
    </message>
    <message>
        <source>无法读取 {0}（{1}），请重新安装督办台</source>
        <translation>Cannot read {0} ({1}); please reinstall Duban Desk</translation>
    </message>
    <message>
        <source>无法读取“{0}”的剩余空间：{1}。</source>
        <translation>Cannot read the free space of &quot;{0}&quot;: {1}.</translation>
    </message>
    <message>
        <source>无法读取文件“{0}”：{1}</source>
        <translation>Cannot read the file &quot;{0}&quot;: {1}</translation>
    </message>
    <message>
        <source>日期不能晚于今天。</source>
        <translation>The date cannot be after today.</translation>
    </message>
    <message>
        <source>更正须写明理由。</source>
        <translation>A correction needs its reason.</translation>
    </message>
    <message>
        <source>最低等次的分数线应为 0，最高不超过 100。</source>
        <translation>The lowest grade&apos;s threshold must be 0 and the highest at most 100.</translation>
    </message>
    <message>
        <source>月份“{0}”不对，应为 YYYY-MM。</source>
        <translation>The month &quot;{0}&quot; is wrong; it must be YYYY-MM.</translation>
    </message>
    <message>
        <source>有 {0} 个文件被拒收（{1}），未导入任何内容。请改正或移出这些文件后重新预览。</source>
        <translation>{0} files were refused ({1}); nothing was imported. Please correct or remove them and preview again.</translation>
    </message>
    <message>
        <source>有 {0} 行有误，未导入任何内容：{1}</source>
        <translation>{0} rows are wrong; nothing was imported: {1}</translation>
    </message>
    <message>
        <source>期号按年度编排（{0}年第{1}期），日期不能改到其他年份；如确属登记错误，请重新登记该会议。</source>
        <translation>Issue numbers run per year ({0} no. {1}); the date cannot move to another year. If it was registered wrongly, register the meeting again.</translation>
    </message>
    <message>
        <source>未安装 defusedxml，不能安全地打开外来的表格。</source>
        <translation>defusedxml is not installed; sheets from outside cannot be opened safely.</translation>
    </message>
    <message>
        <source>未知的字段：{0}。</source>
        <translation>Unknown fields: {0}.</translation>
    </message>
    <message>
        <source>本机已有这个台账的另一把密钥，未导入（请核实哪一把是真的）。</source>
        <translation>This PC already holds another key for this ledger; not imported (please check which one is genuine).</translation>
    </message>
    <message>
        <source>本机没有这个台账的操作日志密钥，不能校验或续写操作日志（此操作未执行）。请由系统管理员从最初使用该台账的电脑导出密钥（duban audit --export-key），在本机导入（duban audit --import-key）。</source>
        <translation>This PC has no audit-log key for this ledger, so the audit log cannot be checked or continued (nothing was done). Ask the system administrator to export the key on the PC that first used this ledger (duban audit --export-key) and import it here (duban audit --import-key).</translation>
    </message>
    <message>
        <source>本机没有这个台账的操作日志密钥，无可导出。</source>
        <translation>This PC has no audit-log key for this ledger; there is nothing to export.</translation>
    </message>
    <message>
        <source>机构代码应为 1 至 3 个字符。</source>
        <translation>The organisation code must be 1 to 3 characters.</translation>
    </message>
    <message>
        <source>档号按年度编号，起止日期须在同一年度内（跨年请分年导出）。</source>
        <translation>Archival codes run per year; the start and end dates must be in the same year (export year by year).</translation>
    </message>
    <message>
        <source>模板版本为 {0}，本程序只接受版本 {1}，请重新下发模板</source>
        <translation>The template is version {0}; this program accepts only version {1}. Please send out the template again</translation>
    </message>
    <message>
        <source>模板的隐藏签名被改动过</source>
        <translation>The template&apos;s hidden signature has been altered</translation>
    </message>
    <message>
        <source>次数应在 0–100 之间。</source>
        <translation>The count must be between 0 and 100.</translation>
    </message>
    <message>
        <source>没有任何改动。</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>没有找到可导入的 Excel 文件（.xlsx）。</source>
        <translation>No Excel file (.xlsx) to import was found.</translation>
    </message>
    <message>
        <source>没有要保存的评分。</source>
        <translation>There are no scores to save.</translation>
    </message>
    <message>
        <source>没有要保存的进度。</source>
        <translation>There is no progress to save.</translation>
    </message>
    <message>
        <source>没有这张工作表</source>
        <translation>no such worksheet</translation>
    </message>
    <message>
        <source>没有选中的任务。</source>
        <translation>No task is selected.</translation>
    </message>
    <message>
        <source>没有选中的建议。</source>
        <translation>No proposal is selected.</translation>
    </message>
    <message>
        <source>滞后阈值应满足 0 &lt; 黄灯 &lt; 红灯 ≤ 100。</source>
        <translation>The lag thresholds must satisfy 0 &lt; yellow &lt; red ≤ 100.</translation>
    </message>
    <message>
        <source>漏报期数应满足 1 ≤ 黄灯 &lt; 红灯。</source>
        <translation>The missed-report counts must satisfy 1 ≤ yellow &lt; red.</translation>
    </message>
    <message>
        <source>牵头单位“{0}”不是一个单位，请填写具体的牵头单位</source>
        <translation>Lead unit &quot;{0}&quot; is not a single unit; please name the lead unit</translation>
    </message>
    <message>
        <source>牵头单位不必再列为配合单位。</source>
        <translation>The lead unit need not be listed as a supporting unit too.</translation>
    </message>
    <message>
        <source>牵头单位为空</source>
        <translation>The lead unit is empty</translation>
    </message>
    <message>
        <source>用户名“{0}”已被使用。</source>
        <translation>User name &quot;{0}&quot; is already in use.</translation>
    </message>
    <message>
        <source>用户名和姓名不能为空。</source>
        <translation>The user name and name cannot be empty.</translation>
    </message>
    <message>
        <source>用户名和姓名不能超过 40 个字。</source>
        <translation>The user name and name cannot be longer than 40 characters.</translation>
    </message>
    <message>
        <source>申诉期已过：问责决定于{0}作出，申诉期限 {1} 天，至{2}止。</source>
        <translation>The appeal period is over: the accountability decision was made on {0}, the appeal period is {1} days, until {2}.</translation>
    </message>
    <message>
        <source>申诉期限应在 1 至 90 天之间。</source>
        <translation>The appeal period must be between 1 and 90 days.</translation>
    </message>
    <message>
        <source>申请延至的日期应晚于现在的期限（{0}）。</source>
        <translation>The requested date must be later than the current deadline ({0}).</translation>
    </message>
    <message>
        <source>申请日期应在交办日期和今天之间。</source>
        <translation>The request date must be between the date assigned and today.</translation>
    </message>
    <message>
        <source>盖章副本未保留原件的字节</source>
        <translation>The stamped copy did not keep the original&apos;s bytes</translation>
    </message>
    <message>
        <source>目标文件夹“{0}”不存在或不可用。</source>
        <translation>The target folder &quot;{0}&quot; does not exist or cannot be used.</translation>
    </message>
    <message>
        <source>目标文件夹“{0}”不存在或不可用（移动介质是否已插好？）。</source>
        <translation>The target folder &quot;{0}&quot; does not exist or cannot be used (is the removable medium plugged in?).</translation>
    </message>
    <message>
        <source>空闲锁屏时间应在 0 至 60 分钟之间（0 为不锁屏）。</source>
        <translation>The idle lock must be between 0 and 60 minutes (0: never lock).</translation>
    </message>
    <message>
        <source>第 {0} 行中没有这些表头：{1}。</source>
        <translation>Row {0} has none of these headers: {1}.</translation>
    </message>
    <message>
        <source>等次“{0}”不在方案中。</source>
        <translation>Grade &quot;{0}&quot; is not in the scheme.</translation>
    </message>
    <message>
        <source>等次分数线应从高到低依次递减。</source>
        <translation>Grade thresholds must decrease from the highest grade to the lowest.</translation>
    </message>
    <message>
        <source>等次名称不能为空或重复。</source>
        <translation>Grade names cannot be empty or repeated.</translation>
    </message>
    <message>
        <source>紧急程度应为 特急 或 加急。</source>
        <translation>The urgency must be 特急 or 加急.</translation>
    </message>
    <message>
        <source>约谈尚未进行，不能登记约谈记录。</source>
        <translation>The interview has not taken place yet; its record cannot be entered.</translation>
    </message>
    <message>
        <source>约谈时间不能早于今天。</source>
        <translation>The interview time cannot be before today.</translation>
    </message>
    <message>
        <source>约谈记录须写明{0}。</source>
        <translation>The interview record must state {0}.</translation>
    </message>
    <message>
        <source>约谈通知书须写明{0}。</source>
        <translation>The interview notice must state {0}.</translation>
    </message>
    <message>
        <source>约谈（{0}）当前为“{1}”，{2}需要先处于{3}状态。</source>
        <translation>The interview ({0}) is &quot;{1}&quot;; {2} needs it to be {3} first.</translation>
    </message>
    <message>
        <source>统计截止日期 {0} 晚于今天。</source>
        <translation>The cut-off date {0} is after today.</translation>
    </message>
    <message>
        <source>缺少 defusedxml 组件：为安全起见，不读取外来的 Excel 文件。</source>
        <translation>The defusedxml component is missing: for safety, Excel files from outside are not read.</translation>
    </message>
    <message>
        <source>考核方案至少需要一项指标。</source>
        <translation>An assessment scheme needs at least one indicator.</translation>
    </message>
    <message>
        <source>至少需要一个等次。</source>
        <translation>At least one grade is needed.</translation>
    </message>
    <message>
        <source>节点名称不能为空。</source>
        <translation>The milestone name cannot be empty.</translation>
    </message>
    <message>
        <source>节点日期应在任务开始时间和完成时限之间。</source>
        <translation>The milestone date must be between the task&apos;s start and its deadline.</translation>
    </message>
    <message>
        <source>行距过大，版心内排不下一行</source>
        <translation>The line spacing is too large; not one line fits in the type area</translation>
    </message>
    <message>
        <source>补办期限应在 1 至 60 天之间。</source>
        <translation>The time allowed for resubmission must be between 1 and 60 days.</translation>
    </message>
    <message>
        <source>补办期限应晚于今天。</source>
        <translation>The resubmission deadline must be after today.</translation>
    </message>
    <message>
        <source>表头行号从 1 开始。</source>
        <translation>Header row numbers start at 1.</translation>
    </message>
    <message>
        <source>解密传递副本失败：{0}。未留下不完整的文件。</source>
        <translation>Decrypting the transport copy failed: {0}. No incomplete file was left.</translation>
    </message>
    <message>
        <source>议定事项须明确责任单位和完成时限，才能转为督办事项。</source>
        <translation>A decision needs a responsible unit and a deadline before it can become a supervised item.</translation>
    </message>
    <message>
        <source>评分应在 0–100 之间。</source>
        <translation>The score must be between 0 and 100.</translation>
    </message>
    <message>
        <source>评分来源名称不能为空或重复。</source>
        <translation>Scoring source names cannot be empty or repeated.</translation>
    </message>
    <message>
        <source>该事项已于 {0} 催办，距今 {1} 天，未满两次催办的最短间隔 {2} 天（可在设置中调整），此次催办未登记。</source>
        <translation>This item was reminded on {0}, {1} days ago — less than the minimum interval of {2} days between two reminders (adjustable in Settings); this reminder was not recorded.</translation>
    </message>
    <message>
        <source>该事项已回复，无需催办；回复不合格的请退办。</source>
        <translation>This item has been replied to; no reminder is needed. Send back a reply that falls short.</translation>
    </message>
    <message>
        <source>该事项已有一份延期申请尚未办完，请先核查、审批。</source>
        <translation>This item already has an extension request in progress; please check and approve it first.</translation>
    </message>
    <message>
        <source>该事项没有已审批的延期申请，无需延期复函。</source>
        <translation>This item has no decided extension request: there is no reply to draft.</translation>
    </message>
    <message>
        <source>该事项没有退办记录，无需退办通知。</source>
        <translation>Nothing of this item was sent back: there is no notice to draft.</translation>
    </message>
    <message>
        <source>该加减分项由台账自动计算，不能手工录入。</source>
        <translation>This bonus/deduction item is computed by the ledger and cannot be entered by hand.</translation>
    </message>
    <message>
        <source>该单位不在本年度考核结果中。</source>
        <translation>That unit is not in this year&apos;s results.</translation>
    </message>
    <message>
        <source>该台账已有账号，请用已有账号登录。</source>
        <translation>This ledger already has accounts; please sign in with one of them.</translation>
    </message>
    <message>
        <source>该台账由更新版本的督办台创建（数据库版本 {0}），本程序无法打开。请安装新版本后再打开，台账内容未作任何改动。</source>
        <translation>This ledger was made by a newer Duban Desk (database version {0}); this program cannot open it. Please install the newer version; the ledger was not changed.</translation>
    </message>
    <message>
        <source>该延期申请尚未经科员核查，不能审批。</source>
        <translation>This extension request has not been checked by a clerk yet and cannot be approved.</translation>
    </message>
    <message>
        <source>该延期申请已审批。</source>
        <translation>This extension request has already been approved.</translation>
    </message>
    <message>
        <source>该延期申请已核查。</source>
        <translation>This extension request has already been checked.</translation>
    </message>
    <message>
        <source>该延期申请核查未通过，无需审批。</source>
        <translation>This extension request failed its check; no approval is needed.</translation>
    </message>
    <message>
        <source>该指标不是人工评分指标。</source>
        <translation>This indicator is not scored by hand.</translation>
    </message>
    <message>
        <source>该方案没有分来源评分。</source>
        <translation>This scheme has no scoring sources.</translation>
    </message>
    <message>
        <source>该督办事项尚未办结，无需重新打开。</source>
        <translation>This supervised item is not closed; there is nothing to reopen.</translation>
    </message>
    <message>
        <source>该督办事项尚未登记回复，请直接登记回复。</source>
        <translation>No reply has been recorded for this supervised item; please record the reply directly.</translation>
    </message>
    <message>
        <source>该督办事项已办结。</source>
        <translation>This supervised item is closed.</translation>
    </message>
    <message>
        <source>该督办事项已办结，不能修改；确需修改的，请先“重新打开”并写明理由。</source>
        <translation>This supervised item is closed and cannot change; to change it, &quot;reopen&quot; it first with a reason.</translation>
    </message>
    <message>
        <source>该督办事项已办结，不能再登记回复。</source>
        <translation>This supervised item is closed; no more replies can be recorded.</translation>
    </message>
    <message>
        <source>该督办事项已办结，不能申请延期。</source>
        <translation>This supervised item is closed; no extension can be requested.</translation>
    </message>
    <message>
        <source>该督办事项已办结，不能退办；确需退办，请先重新打开。</source>
        <translation>This supervised item is closed and cannot be sent back; to send it back, reopen it first.</translation>
    </message>
    <message>
        <source>该督办事项已办结，延期申请不再办理。</source>
        <translation>This supervised item is closed; the extension request is no longer handled.</translation>
    </message>
    <message>
        <source>该督办事项已办结，无需催办。</source>
        <translation>This supervised item is closed; no reminder is needed.</translation>
    </message>
    <message>
        <source>该督办事项已登记回复；如需更正请用“更正回复”，不合格的请退办。</source>
        <translation>A reply is already recorded for this supervised item; use &quot;correct reply&quot; to correct it, or send back one that falls short.</translation>
    </message>
    <message>
        <source>该督办事项没有关联任务，请用“通知”拟文。</source>
        <translation>This supervised item has no linked task; please draft a &quot;notice&quot; instead.</translation>
    </message>
    <message>
        <source>该草稿已被他人修改，请重新打开后再改。</source>
        <translation>Someone else changed this draft; please open it again before editing.</translation>
    </message>
    <message>
        <source>该议定事项已转为督办事项 #{0}，不能删除。</source>
        <translation>This decision became supervised item #{0} and cannot be deleted.</translation>
    </message>
    <message>
        <source>该议定事项已转为督办事项 #{0}，责任单位和完成时限不能再改；如需调整期限，请在“督办”页修改该督办事项。</source>
        <translation>This decision became supervised item #{0}; its responsible unit and deadline can no longer change. To change the deadline, edit that supervised item on the Supervision page.</translation>
    </message>
    <message>
        <source>该议定事项已转为督办事项。</source>
        <translation>This decision has already become a supervised item.</translation>
    </message>
    <message>
        <source>该账号尚待安全管理员审核，审核通过后才能登录。</source>
        <translation>This account is waiting for the security administrator&apos;s review and can sign in once approved.</translation>
    </message>
    <message>
        <source>该账号已停用，不能再修改台账。请联系系统管理员。</source>
        <translation>This account is deactivated and can no longer change the ledger. Please contact the system administrator.</translation>
    </message>
    <message>
        <source>该账号已停用，请联系系统管理员。</source>
        <translation>This account is deactivated; please contact the system administrator.</translation>
    </message>
    <message>
        <source>该账号的变更尚待安全管理员审核，暂不能操作。</source>
        <translation>A change to this account is waiting for the security administrator&apos;s review; it cannot act yet.</translation>
    </message>
    <message>
        <source>该账号的角色已由{0}改为{1}，请重新登录后按新角色使用。</source>
        <translation>This account&apos;s role was changed from {0} to {1}; sign in again to work in the new role.</translation>
    </message>
    <message>
        <source>请为以下字段指定对应的列：{0}。</source>
        <translation>Please choose the column for these fields: {0}.</translation>
    </message>
    <message>
        <source>请先登记{0}，再生成{1}。</source>
        <translation>Please record the {0} first, then make the {1}.</translation>
    </message>
    <message>
        <source>请先登记“{0}”，再登记“{1}”。</source>
        <translation>Please record &quot;{0}&quot; before &quot;{1}&quot;.</translation>
    </message>
    <message>
        <source>请写明审定的会议（主持人）和会议纪要期号。</source>
        <translation>Name the meeting (and chair) and the minutes&apos; issue number.</translation>
    </message>
    <message>
        <source>请写明延期理由。</source>
        <translation>Please give the reason for the extension.</translation>
    </message>
    <message>
        <source>请写明整改措施要求。</source>
        <translation>Please state the rectification required.</translation>
    </message>
    <message>
        <source>请写明核实情况。</source>
        <translation>Please state what was verified.</translation>
    </message>
    <message>
        <source>请写明核查意见。</source>
        <translation>Please give the checking opinion.</translation>
    </message>
    <message>
        <source>请写明督办要求。</source>
        <translation>Please state the supervision requirements.</translation>
    </message>
    <message>
        <source>请写明约谈事由。</source>
        <translation>Please state the reason for the interview.</translation>
    </message>
    <message>
        <source>请写明资格审核意见。</source>
        <translation>Write the review&apos;s opinion.</translation>
    </message>
    <message>
        <source>请写明退办理由（回复哪里不符合要求）。</source>
        <translation>Please give the reason for sending it back (where the reply falls short).</translation>
    </message>
    <message>
        <source>请填写会议主持人。</source>
        <translation>Please enter who chairs the meeting.</translation>
    </message>
    <message>
        <source>请填写会议名称。</source>
        <translation>Please enter the meeting&apos;s name.</translation>
    </message>
    <message>
        <source>请填写出席人员。</source>
        <translation>Please enter who attends.</translation>
    </message>
    <message>
        <source>请填写回复内容。</source>
        <translation>Please enter the reply.</translation>
    </message>
    <message>
        <source>请填写接收问责情况的组织部门。</source>
        <translation>Please name the organisation department that receives the accountability notice.</translation>
    </message>
    <message>
        <source>请填写整改情况。</source>
        <translation>Please enter the rectification done.</translation>
    </message>
    <message>
        <source>请填写更正或撤回的理由。</source>
        <translation>Please give the reason for the correction or withdrawal.</translation>
    </message>
    <message>
        <source>请填写议定事项内容。</source>
        <translation>Please enter the decision.</translation>
    </message>
    <message>
        <source>请指定一项任务或一个牵头单位（二者选一）。</source>
        <translation>Please name one task or one lead unit (one of the two).</translation>
    </message>
    <message>
        <source>请示须在附注处注明联系人及联系电话。</source>
        <translation>A request must give a contact person and telephone number in the note.</translation>
    </message>
    <message>
        <source>请选择评分来源：{0}。</source>
        <translation>Choose a scoring source: {0}.</translation>
    </message>
    <message>
        <source>请通过“修改密码”修改自己的密码。</source>
        <translation>Please change your own password with &quot;Change password&quot;.</translation>
    </message>
    <message>
        <source>调查组人数下限应在 2 至 9 人之间。</source>
        <translation>The minimum size of an investigation team must be between 2 and 9 people.</translation>
    </message>
    <message>
        <source>调查组应由至少 {0} 名具名人员组成，现为 {1} 名。</source>
        <translation>An investigation team needs at least {0} named people; it has {1}.</translation>
    </message>
    <message>
        <source>资金来源应从下拉列表中选择（{0}）</source>
        <translation>The fund source must be chosen from the list ({0})</translation>
    </message>
    <message>
        <source>转为“{0}”需要写明理由。</source>
        <translation>Changing to &quot;{0}&quot; needs a reason.</translation>
    </message>
    <message>
        <source>输出文件“{0}”应以 .{1} 结尾。</source>
        <translation>The output file &quot;{0}&quot; must end in .{1}.</translation>
    </message>
    <message>
        <source>这不是督办台的加密文件，或文件不完整。</source>
        <translation>This is not an encrypted file of Duban Desk, or it is incomplete.</translation>
    </message>
    <message>
        <source>这不是督办台能读的加密文件（加密算法或参数不符）。</source>
        <translation>This is not an encrypted file Duban Desk can read (unknown algorithm or parameters).</translation>
    </message>
    <message>
        <source>这不是督办台能读的加密文件（格式或版本不符）。</source>
        <translation>This is not an encrypted file Duban Desk can read (unknown format or version).</translation>
    </message>
    <message>
        <source>这已是加密传递副本，无须再加密。</source>
        <translation>This is already an encrypted transport copy; it needs no further encryption.</translation>
    </message>
    <message>
        <source>这把密钥属于另一个台账，未导入。</source>
        <translation>This key belongs to another ledger; not imported.</translation>
    </message>
    <message>
        <source>这是常见密码（或由常见密码加数字、符号组成），请换一个。</source>
        <translation>This is a common password (or a common password with digits or symbols added); please choose another.</translation>
    </message>
    <message>
        <source>重新打开已定稿的考核须写明理由。</source>
        <translation>Reopening a finalised assessment needs a reason.</translation>
    </message>
    <message>
        <source>重新打开需要写明理由。</source>
        <translation>Reopening needs a reason.</translation>
    </message>
    <message>
        <source>金额“{0}”不是有效的数字。</source>
        <translation>The amount &quot;{0}&quot; is not a valid number.</translation>
    </message>
    <message>
        <source>金额必须大于零。</source>
        <translation>The amount must be greater than zero.</translation>
    </message>
    <message>
        <source>锁定前允许的失败次数应在 3 至 10 之间。</source>
        <translation>The number of failed attempts before locking must be between 3 and 10.</translation>
    </message>
    <message>
        <source>锁定时长应在 1 至 1440 分钟之间。</source>
        <translation>The lock duration must be between 1 and 1440 minutes.</translation>
    </message>
    <message>
        <source>问责方式应为问责条例第八条所列之一。</source>
        <translation>The form of accountability must be one of those listed in article 8 of the Accountability Regulations.</translation>
    </message>
    <message>
        <source>附件“{0}”与登记的校验值不符，可能已被改动，未导出归档包。</source>
        <translation>Attachment &quot;{0}&quot; does not match its registered checksum; it may have been altered. No archive package was exported.</translation>
    </message>
    <message>
        <source>附件“{0}”的内容与登记时的校验值不符，可能已损坏。</source>
        <translation>The content of attachment &quot;{0}&quot; does not match the checksum taken when it was registered; it may be damaged.</translation>
    </message>
    <message>
        <source>随程序提供的字体 {0} 不在 {1} 中，安装不完整，请重新安装督办台</source>
        <translation>The bundled font {0} is not listed in {1}: the installation is incomplete; please reinstall Duban Desk</translation>
    </message>
    <message>
        <source>随程序提供的字体 {0} 已损坏（{1} 解压后校验值不符），请重新安装督办台</source>
        <translation>The bundled font {0} is damaged ({1} does not unpack to the expected checksum); please reinstall Duban Desk</translation>
    </message>
    <message>
        <source>随程序提供的字体 {0} 已损坏（{1}：{2}），请重新安装督办台</source>
        <translation>The bundled font {0} is damaged ({1}: {2}); please reinstall Duban Desk</translation>
    </message>
    <message>
        <source>预览之后台账有改动，请重新预览后再导入。</source>
        <translation>The ledger changed after the preview; please preview again before importing.</translation>
    </message>
    <message>
        <source>领导批示急件的办理期限应在 1 至 5 天之间。</source>
        <translation>An urgent leader&apos;s instruction must be handled within 1 to 5 days.</translation>
    </message>
    <message>
        <source>选择一项，光标即移到正文中该字处</source>
        <translation>Choose one to put the cursor on that character in the text</translation>
    </message>
    <message>
        <source>无字可印（不能印发）：{d}</source>
        <translation>No font has it (blocks issuing): {d}</translation>
    </message>
    <message>
        <source>替代字体代印：{d}</source>
        <translation>Printed by a fallback font: {d}</translation>
    </message>
    <message>
        <source>该处文字取自设置（发文机关、署名等），请在设置中修改</source>
        <translation>This text comes from the settings (issuer, signature …); change it there</translation>
    </message>
    <message>
        <source>密码最短长度（位）</source>
        <translation>Minimum password length (characters)</translation>
    </message>
    <message>
        <source>密码须含字符类数（大写、小写、数字、符号）</source>
        <translation>Character classes required (upper, lower, digit, symbol)</translation>
    </message>
    <message>
        <source>密码有效期（天，0 为不过期）</source>
        <translation>Password age limit (days, 0: never expires)</translation>
    </message>
    <message>
        <source>不得重复使用最近几次的密码</source>
        <translation>Recent passwords that may not be reused</translation>
    </message>
    <message>
        <source>连续失败几次后锁定</source>
        <translation>Failed sign-ins before the account locks</translation>
    </message>
    <message>
        <source>锁定时长（分钟）</source>
        <translation>Lockout duration (minutes)</translation>
    </message>
    <message>
        <source>空闲几分钟后锁屏（0 为不锁屏）</source>
        <translation>Lock the window after idle minutes (0: never)</translation>
    </message>
    <message>
        <source>安全策略</source>
        <translation>Security policy</translation>
    </message>
    <message>
        <source>由安全管理员设定，对所有账号生效，修改记入操作日志。新的密码规则在下次设置密码时检查；空闲锁屏与锁定规则立即生效。</source>
        <translation>Set by the security administrator for every account; each change is written to the audit log. New password rules apply the next time a password is set; the idle lock and the lockout rules apply at once.</translation>
    </message>
    <message>
        <source>账号变更</source>
        <translation>Account change</translation>
    </message>
    <message>
        <source>符合优秀等次条件</source>
        <translation>Eligible for excellent</translation>
    </message>
    <message>
        <source>不符合优秀等次条件</source>
        <translation>Not eligible for excellent</translation>
    </message>
    <message>
        <source>优秀资格审核</source>
        <translation>Review for excellent</translation>
    </message>
    <message>
        <source>审核结论：</source>
        <translation>Verdict:</translation>
    </message>
    <message>
        <source>审核意见：</source>
        <translation>Opinion:</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>重新打开{0}年度考核的理由（记入操作日志）：</source>
        <translation>Reason for reopening the {0} assessment (kept in the audit log):</translation>
    </message>
    <message>
        <source>领导小组审定考核等次</source>
        <translation>Leading group&apos;s decision on the grades</translation>
    </message>
    <message>
        <source>（不关联台账中的会议）</source>
        <translation>(no meeting of the ledger)</translation>
    </message>
    <message>
        <source>{0} {1}（第{2}期）</source>
        <translation>{0} {1} (No. {2})</translation>
    </message>
    <message>
        <source>如：第4期</source>
        <translation>e.g. No. 4</translation>
    </message>
    <message>
        <source>审定会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>会议及主持人</source>
        <translation>Meeting and chair</translation>
    </message>
    <message>
        <source>会议纪要期号</source>
        <translation>Minutes issue</translation>
    </message>
    <message>
        <source>审定日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>{0}（{1}主持）</source>
        <translation>{0} (chaired by {1})</translation>
    </message>
    <message>
        <source>第{0}期</source>
        <translation>No. {0}</translation>
    </message>
    <message>
        <source>待核查</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>待领导审批</source>
        <translation>Awaiting a leader</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>AES-256-GCM</source>
        <translation>AES-256-GCM</translation>
    </message>
    <message>
        <source>SM4-GCM（国密，密钥由 SM3 派生）</source>
        <translation>SM4-GCM (Chinese national, key derived with SM3)</translation>
    </message>
    <message>
        <source>更正问责步骤</source>
        <translation>Correct accountability step</translation>
    </message>
    <message>
        <source>更正“{0}”：原内容保留在操作日志和时间线中，须写明理由。</source>
        <translation>Correcting “{0}”: the original stays in the audit log and on the timeline; a reason is required.</translation>
    </message>
    <message>
        <source>例如：认定情形录入有误</source>
        <translation>e.g. the finding was entered wrongly</translation>
    </message>
    <message>
        <source>更正理由</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <source>完成百分比</source>
        <translation>percent complete</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>切换通报期次</source>
        <translation>Switch the report period</translation>
    </message>
</context>
<context>
    <name>MeetingPackDialog</name>
    <message>
        <source>生成会议材料</source>
        <translation>Make meeting pack</translation>
    </message>
    <message>
        <source>{y}年{m}月</source>
        <translation>{m}/{y}</translation>
    </message>
    <message>
        <source>通报期次</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>需提请会议研究决定的事项（每行一项，已按台账拟好，可修改）：</source>
        <translation>Matters for the meeting to decide (one per line, drafted from the ledger, editable):</translation>
    </message>
    <message>
        <source>生成…</source>
        <translation>Make…</translation>
    </message>
    <message>
        <source>会议材料（{p}）.pdf</source>
        <translation>meeting-pack ({p}).pdf</translation>
    </message>
    <message>
        <source>正在生成会议材料…</source>
        <translation>Making the meeting pack…</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>节点</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>进度报送</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <source>资金</source>
        <translation>Funds</translation>
    </message>
    <message>
        <source>督办事项</source>
        <translation>Supervision item</translation>
    </message>
    <message>
        <source>约谈</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>整改报告</source>
        <translation>Rectification report</translation>
    </message>
    <message>
        <source>问责</source>
        <translation>Accountability</translation>
    </message>
    <message>
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>会议决定</source>
        <translation>Meeting decision</translation>
    </message>
    <message>
        <source>公文</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>重点工程</source>
        <translation>Key project</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>全文检索</source>
        <translation>Search everything</translation>
    </message>
    <message>
        <source>输入词语、人名或拼音（如 gongan、gaj），回车查找</source>
        <translation>Type words, names or pinyin (e.g. gongan, gaj), Enter to search</translation>
    </message>
    <message>
        <source>没有找到“{q}”。</source>
        <translation>Nothing found for “{q}”.</translation>
    </message>
    <message>
        <source>“{q}”共找到 {n} 条，点击打开所在页面。</source>
        <translation>{n} results for “{q}”; click one to open its page.</translation>
    </message>
    <message>
        <source>（仅列出前 {n} 条）</source>
        <translation> (only the first {n} listed)</translation>
    </message>
</context>
</TS>
