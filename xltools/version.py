"""The version of xltools, written into every file it makes (provenance sheets, manifests)."""

VERSION = "0.1.0"
