"""The configuration: label aliases, marker vocabulary, units, calendar, code severities.

Defaults are the data files in ``sopxl/data``; an office may pass its own JSON file
(``--config``) holding any part of them. Both are checked against
``schemas/config.schema.json`` before use.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .resources import load_data, load_schema

LANGS = ("id", "en")


@dataclass
class Config:
    labels: dict[str, Any]
    markers: dict[str, list[str]]
    units: dict[str, list[str]]
    calendar: dict[str, float]
    rules: dict[str, str] = field(default_factory=dict)
    final_rules: dict[str, str] = field(default_factory=dict)
    patterns: dict[str, str] = field(default_factory=dict)
    roles: list[str] = field(default_factory=list)
    run_calendar: dict[str, float] = field(default_factory=dict)  # set by --config: wins
    final: bool = False
    lang: str = "id"

    def severities(self) -> dict[str, str]:
        """Code -> severity in force: defaults, then the office's rules, then --final ones."""
        from .findings import catalogue

        out = {code: spec["severity"] for code, spec in catalogue().items()}
        out.update(self.rules)
        if self.final:
            for code, spec in catalogue().items():
                if "final" in spec:
                    out[code] = spec["final"]
            out.update(self.final_rules)
        return out

    def for_workbook(self, calendar: dict[str, float], roles: list[str]) -> Config:
        """This run's config with a workbook's own Pengaturan sheet applied; what the run's
        --config file says about the calendar still wins."""
        if not calendar and not roles:
            return self
        new = copy.copy(self)
        new.calendar = {**self.calendar, **calendar, **self.run_calendar}
        new.roles = list(roles) or self.roles
        return new


def default_config() -> Config:
    return Config(
        labels=copy.deepcopy(load_data("labels.json")),
        markers=copy.deepcopy(load_data("markers.json")),
        units=copy.deepcopy(load_data("units.json")),
        calendar=dict(load_data("calendar.json")),
    )


def _validate(data: Any, where: str) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema("config.schema.json"),
                                                format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        path = "/".join(str(p) for p in e.absolute_path) or "(akar)"
        raise ConfigError(f"Pengaturan tidak sesuai skema di '{path}': {e.message}",
                          path=where, message_en=f"Configuration does not match its schema at "
                                                 f"'{path}': {e.message}")


def load_config(path: str | Path | None = None, *, final: bool = False, lang: str = "id") -> Config:
    cfg = default_config()
    cfg.final = final
    cfg.lang = lang if lang in LANGS else "id"
    if path is None:
        return cfg
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError("Berkas pengaturan tidak ditemukan.", path=str(p),
                          message_en="Configuration file not found.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Berkas pengaturan tidak dapat dibaca: {exc}", path=str(p),
                          message_en=f"Configuration file cannot be read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"Berkas pengaturan bukan JSON yang sah (baris {exc.lineno}, kolom "
                          f"{exc.colno}).", path=str(p),
                          message_en=f"Configuration file is not valid JSON (line {exc.lineno}, "
                                     f"column {exc.colno}).") from None
    _validate(data, str(p))
    return merge_config(cfg, data, where=str(p))


def merge_config(cfg: Config, data: dict[str, Any], where: str = "") -> Config:
    from .findings import catalogue

    for key in ("labels", "markers", "units"):
        target = getattr(cfg, key)
        for sub, value in data.get(key, {}).items():
            if isinstance(value, dict):
                for name, words in value.items():
                    # An office's aliases come first and add to ours: theirs win a tie.
                    target.setdefault(sub, {})[name] = list(words) + [
                        w for w in target.get(sub, {}).get(name, []) if w not in words]
            else:
                target[sub] = list(value) + [w for w in target.get(sub, []) if w not in value]
    cfg.calendar.update(data.get("calendar", {}))
    cfg.run_calendar.update(data.get("calendar", {}))
    known = catalogue()
    for key in ("rules", "final_rules"):
        for code, sev in data.get(key, {}).items():
            if code not in known:
                raise ConfigError(f"Kode temuan '{code}' di bagian '{key}' tidak dikenal.", path=where,
                                  message_en=f"Unknown finding code '{code}' in '{key}'.")
            getattr(cfg, key)[code] = sev
    for name, pattern in data.get("patterns", {}).items():
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"Pola '{name}' bukan regex yang sah: {exc}", path=where,
                              message_en=f"Pattern '{name}' is not a valid regex: {exc}") from None
        cfg.patterns[name] = pattern
    cfg.roles = list(data.get("roles", cfg.roles))
    return cfg
