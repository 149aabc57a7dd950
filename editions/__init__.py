"""The course's offline editions built from a strict site build: the USB zip, the Kiwix ZIM, the PDF."""
