"""Vooruitgang: a sales-training game about following up a quote by phone."""
