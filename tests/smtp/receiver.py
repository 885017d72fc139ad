"""A real SMTP server for the tests: aiosmtpd on a loopback port.

Usage: receiver.py PORT DIR

Every message it accepts is written to DIR as N.eml (the bytes received) and
N.json (the envelope, and the message as Python's e-mail parser reads it:
headers, the plain-text and HTML parts), N counting from 1 in arrival order.
It writes DIR/ready once it listens, and stops when its standard input
closes (so it never outlives the test process that started it).
"""

import asyncio
import email
import email.policy
import json
import os
import sys

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = {}
        for part in message.walk():
            kind = part.get_content_type()
            if kind in ("text/plain", "text/html") and kind not in parts:
                parts[kind] = part.get_content()
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "headers": {k.lower(): str(v) for k, v in message.items()},
            "text": parts.get("text/plain"),
            "html": parts.get("text/html"),
            "defects": [str(d) for d in message.defects],
        }
        base = os.path.join(self.folder, str(self.count))
        with open(base + ".eml", "wb") as f:
            f.write(raw)
        # The .json last, through a rename: a reader never sees half a file.
        with open(base + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.replace(base + ".tmp", base + ".json")
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Keep(folder), hostname="127.0.0.1", port=port)
    controller.start()
    with open(os.path.join(folder, "ready"), "w") as f:
        f.write(str(port))
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
