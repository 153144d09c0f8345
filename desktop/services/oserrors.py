"""What an OSError means for the clerk, in Chinese: full medium, pulled stick, read-only disc."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOSPC: "目标位置空间已满",
    errno.EDQUOT: "目标位置的空间配额已用完",
    errno.EIO: "读写出错（移动介质可能已被拔出或损坏）",
    errno.EROFS: "目标位置是只读的（写保护开关或光盘）",
    errno.EACCES: "没有写入该位置的权限",
    errno.EPERM: "没有写入该位置的权限",
    errno.ENOENT: "目标位置已不存在（移动介质可能已被拔出）",
    errno.ENODEV: "设备已断开",
    errno.ENXIO: "设备已断开",
    errno.ENAMETOOLONG: "文件名过长，介质的文件系统不支持",
}


def reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
