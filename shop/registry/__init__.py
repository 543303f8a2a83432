"""The officers' registry: recording and revoking certificates, and recalling a scanned lot.

It builds on ocop (certificates and their rules), catalog and trace, which never import it."""
