"""The build, on top of the other layers: MkDocs hooks, the PDF, the staging build."""
