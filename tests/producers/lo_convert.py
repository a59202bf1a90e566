"""Convert word-processor documents to PDF with LibreOffice Writer over UNO, updating every index first.

This file runs under the *system* Python that has LibreOffice's ``uno`` module (Debian: python3-uno, which
the libreoffice packages pull in), not the project's virtualenv; it imports nothing from the project.

    /usr/bin/python3 tests/producers/lo_convert.py IN.docx OUT.pdf [IN2.docx OUT2.pdf ...]

One soffice process (a fresh temporary user profile, so no personal settings leak into the output) converts
all pairs. Before export every document index (the TOC field) is updated three times, so page numbers that
move when the TOC grows settle. PDF export: bookmarks from headings, no tagged PDF, no comments.
"""

import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def convert(pairs, soffice="soffice"):
    with tempfile.TemporaryDirectory(prefix="tiltak-lo-") as prof:
        pipe = "tiltak_lo_%d" % os.getpid()
        proc = subprocess.Popen(
            [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
             "-env:UserInstallation=" + uno.systemPathToFileUrl(prof),
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            ctx = None
            for _ in range(600):
                try:
                    ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                    break
                except NoConnectException:
                    if proc.poll() is not None:
                        raise SystemExit("soffice exited with status %s before answering" % proc.returncode)
                    time.sleep(0.1)
            if ctx is None:
                raise SystemExit("soffice did not answer on its UNO pipe within 60 s")
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            for src, dst in pairs:
                doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                                   (_prop("Hidden", True),))
                if doc is None:
                    raise SystemExit("%s: LibreOffice could not open the document" % src)
                try:
                    for _ in range(3):
                        indexes = doc.getDocumentIndexes()
                        for i in range(indexes.getCount()):
                            indexes.getByIndex(i).update()
                        doc.getTextFields().refresh()
                    data = uno.Any("[]com.sun.star.beans.PropertyValue", (
                        _prop("ExportBookmarks", True), _prop("UseTaggedPDF", False), _prop("ExportNotes", False),
                        _prop("ExportFormFields", False)))
                    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)),
                                   (_prop("FilterName", "writer_pdf_Export"), _prop("FilterData", data)))
                finally:
                    doc.close(True)
            try:
                desktop.terminate()
            except Exception:  # the bridge closes while terminating
                pass
        finally:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or len(args) % 2:
        raise SystemExit("usage: lo_convert.py IN.docx OUT.pdf [IN2.docx OUT2.pdf ...]")
    convert(list(zip(args[0::2], args[1::2])), os.environ.get("SOFFICE", "soffice"))
