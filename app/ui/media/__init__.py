"""The Media workspace: press agencies, journalists, interactions, lists and press releases."""
