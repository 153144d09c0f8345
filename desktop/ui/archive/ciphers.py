"""The names of backup_crypto.CIPHERS for the clerk (the backup and transport-copy dialogs)."""

from __future__ import annotations

from desktop.ui.i18n import QT_TR_NOOP

CIPHER_LABELS = {
    "aes": QT_TR_NOOP("AES-256-GCM"),
    "sm4": QT_TR_NOOP("SM4-GCM（国密，密钥由 SM3 派生）"),
}
