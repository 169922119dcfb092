"""Data files shipped with factlint (curated lists)."""
