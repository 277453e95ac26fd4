"""The host on the LAN: the address trainees can reach, and announcing it (and finding it) with zeroconf.

The host announces `_vooruitgang._tcp.local.` with the workshop code in the TXT record, so a game that
knows only the code finds the address by browsing (`find`). Announcing on 127.0.0.1 keeps it on this
machine (the tests do that).
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass

from zeroconf import InterfaceChoice, IPVersion, ServiceBrowser, ServiceInfo, ServiceStateChange, Zeroconf
from zeroconf.asyncio import AsyncZeroconf

from game.room.protocol import SERVICE_TYPE, VERSION, room_path, same_code


def lan_address() -> str:
    """The address other laptops reach this one at: the one its route to the outside leaves from.

    Connecting a UDP socket sends nothing; it only asks the system which interface it would use.
    """
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 9))
                address = sock.getsockname()[0]
        except OSError:
            continue
        if not address.startswith("0."):
            return address
    return "127.0.0.1"


def url(address: str, port: int) -> str:
    return f"http://{address}:{port}"


class Announcement:
    """The host's zeroconf record, from `start()` until `stop()`, on the host's event loop."""

    def __init__(self, code: str, address: str, port: int):
        self.code = code
        self.info = ServiceInfo(
            SERVICE_TYPE, f"Vooruitgang {code}.{SERVICE_TYPE}",
            addresses=[socket.inet_aton(address)], port=port,
            properties={"code": code, "path": room_path(code), "v": str(VERSION)},
            server=f"vooruitgang-{code.lower()}.local.")
        self.address = address
        self.zeroconf: AsyncZeroconf | None = None

    async def start(self) -> Announcement:
        self.zeroconf = AsyncZeroconf(interfaces=[self.address], ip_version=IPVersion.V4Only)
        try:
            await self.zeroconf.async_register_service(self.info, allow_name_change=True)
        except BaseException:
            await self.zeroconf.async_close()
            raise
        return self

    async def stop(self) -> None:
        try:
            await self.zeroconf.async_unregister_service(self.info)
        finally:
            await self.zeroconf.async_close()


@dataclass(frozen=True)
class Found:
    code: str
    url: str  # http://address:port


def find(code: str, timeout: float = 3.0, interface: str | None = None) -> Found | None:
    """The host of workshop `code` on the LAN, when one answers within `timeout` seconds (None on a laptop with
    no network to look on)."""
    try:
        zeroconf = Zeroconf(interfaces=[interface] if interface else InterfaceChoice.All,
                            ip_version=IPVersion.V4Only)
    except OSError:
        return None
    found: list[Found] = []
    done = threading.Event()

    def changed(zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange) -> None:
        if state_change is not ServiceStateChange.Added:
            return
        info = zeroconf.get_service_info(service_type, name, timeout=int(timeout * 1000))
        if info is None:
            return
        announced = (info.properties or {}).get(b"code", b"").decode("utf-8", "replace")
        addresses = info.parsed_addresses(IPVersion.V4Only)
        if same_code(announced, code) and addresses and info.port:
            found.append(Found(announced, url(addresses[0], info.port)))
            done.set()

    browser = ServiceBrowser(zeroconf, SERVICE_TYPE, handlers=[changed])
    try:
        done.wait(timeout)
    finally:
        browser.cancel()
        zeroconf.close()
    return found[0] if found else None
