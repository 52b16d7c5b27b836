#!/usr/bin/python3
"""Accept-all and reject-all texts of .docx files, through a real LibreOffice.

Usage: /usr/bin/python3 tests/lo/accept_reject.py OUTDIR FILE.docx [FILE.docx ...]

For each FILE.docx writes OUTDIR/FILE.accepted.txt (all tracked changes accepted) and
OUTDIR/FILE.rejected.txt (all rejected), as LibreOffice's "Text" filter saves them (UTF-8 with
a BOM, one line per paragraph). One headless soffice serves the whole batch, on a free port and
with a fresh profile, and is killed at the end. Needs Debian's python3 with python3-uno.
Exit status: 0 when every file was converted, 1 otherwise (messages on stderr).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_office(profile):
    port = free_port()
    cmd = [
        shutil.which("soffice") or "soffice",
        "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
        "--nolockcheck",
        "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
        "--accept=socket,host=127.0.0.1,port=%d;urp;" % port,
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port
    deadline = time.time() + 90
    while True:
        try:
            return proc, resolver.resolve(url)
        except Exception:
            if proc.poll() is not None or time.time() > deadline:
                stop_office(proc)
                raise RuntimeError("soffice did not start (exit %s)" % proc.poll())
            time.sleep(0.3)


def stop_office(proc):
    """Kills the soffice we started (its own process group), nothing else."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except Exception:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()


def convert(ctx, path, command, out):
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        raise RuntimeError("LibreOffice could not open the file")
    try:
        frame = doc.getCurrentController().getFrame()
        helper.executeDispatch(frame, command, "", 0, ())
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                       (prop("FilterName", "Text"),))
    finally:
        doc.close(True)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    outdir, files = argv[1], argv[2:]
    os.makedirs(outdir, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="resdiff-lo-")
    failed = 0
    proc = None
    try:
        proc, ctx = start_office(profile)
        for f in files:
            stem = os.path.splitext(os.path.basename(f))[0]
            for command, suffix in ((".uno:AcceptAllTrackedChanges", "accepted"),
                                    (".uno:RejectAllTrackedChanges", "rejected")):
                out = os.path.join(outdir, "%s.%s.txt" % (stem, suffix))
                try:
                    convert(ctx, f, command, out)
                except Exception as e:
                    failed += 1
                    sys.stderr.write("%s: %s: %s\n" % (f, suffix, e))
    finally:
        if proc is not None:
            stop_office(proc)
        shutil.rmtree(profile, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
