"""config.toml: what is read, what a broken file says (file, line, what), the theme written back."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from eternaut_reader.core.config import Profile, config_path, load_config, save_theme
from eternaut_reader.core.storage.atomic import write_atomic


@pytest.fixture
def config(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "conf" / "config.toml"
    monkeypatch.setenv("ETERNAUT_READER_CONFIG", str(path))
    return path


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_no_file_means_the_defaults_and_no_problem(config):
    loaded = load_config()
    assert (loaded.path, loaded.theme, loaded.keymap, loaded.profile) == (
        config,
        None,
        {},
        Profile(),
    )
    assert loaded.problems == () and not loaded.exists


def test_the_default_path_is_the_user_config_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("ETERNAUT_READER_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config_path() == tmp_path / "eternaut-reader" / "config.toml"


def test_theme_keymap_and_profile_are_read(config):
    write(
        config,
        'theme = "nord"\n[keymap]\n"tag.confirmed" = "C"\n"pane.next" = "tab,ctrl+n"\n'
        '[profile]\nname = " Ana Pérez "\norganisation = "Example Fact Check"\n'
        'review_url = "https://example.org/checks/{id}"\n',
    )
    loaded = load_config()
    assert loaded.theme == "nord"
    assert loaded.keymap == {"tag.confirmed": "C", "pane.next": "tab,ctrl+n"}
    assert loaded.profile == Profile(
        name="Ana Pérez",
        organisation="Example Fact Check",
        review_url="https://example.org/checks/{id}",
    )
    assert loaded.problems == ()


def test_a_syntax_error_names_the_file_and_line_and_falls_back_to_the_defaults(config):
    write(config, 'theme = "nord"\n\n[keymap]\n"tag.confirmed" "C"\n')
    loaded = load_config()
    assert loaded.theme is None and loaded.keymap == {}
    [problem] = loaded.problems
    assert problem.startswith(f"{config}:4: ") and "using the defaults" in problem
    assert "\n" not in problem


def test_a_wrong_value_is_skipped_alone_and_reported_with_its_line(config):
    write(
        config,
        'theme = 3\n[keymap]\n"tag.confirmed" = "C"\n"tag.speculative" = 5\n'
        '[profile]\nname = "Ana"\nemail = "a@b"\n',
    )
    loaded = load_config()
    assert loaded.theme is None
    assert loaded.keymap == {"tag.confirmed": "C"}
    assert loaded.profile.name == "Ana"
    assert loaded.problems == (
        f'{config}:1: theme must be a string, like theme = "nord"',
        f"{config}:4: keymap 'tag.speculative' must be keys in a string, like \"ctrl+t\"",
        f"{config}:7: unknown profile setting 'email' (known: name, url, organisation, review_url)",
    )


def test_a_setting_written_under_the_wrong_section_says_where_it_belongs(config):
    # An outside tester added theme = ... at the end of a file whose last table was [keymap],
    # and was told "'theme' is no binding id".
    write(config, '[keymap]\n"tag.confirmed" = "y"\ntheme = "nord"\n')
    loaded = load_config()
    assert loaded.theme is None and loaded.keymap == {"tag.confirmed": "y"}
    assert loaded.problems == (
        f"{config}:3: theme is read as part of [keymap] (every line after a [section] header "
        "belongs to it): move it above the first [section]; ignored",
    )
    write(config, 'name = "Ana"\n[profile]\ntheme = "nord"\n')
    loaded = load_config()
    assert loaded.profile.name is None and loaded.theme is None
    assert loaded.problems == (
        f"{config}:3: theme is read as part of [profile] (every line after a [section] header "
        "belongs to it): move it above the first [section]; ignored",
        f"{config}:1: 'name' is a [profile] setting: put it under [profile]; ignored",
    )


def test_not_utf8_or_unreadable_is_a_problem_not_a_crash(config):
    config.parent.mkdir(parents=True)
    config.write_bytes(b'theme = "\xff"\n')
    assert "not UTF-8" in load_config().problems[0]
    config.unlink()
    config.mkdir()
    assert "cannot read" in load_config().problems[0]


def test_saving_the_theme_keeps_the_rest_of_the_file(config):
    write(config, '# mine\n[keymap]\n"tag.confirmed" = "C" # upper\n')
    save_theme("gruvbox")
    text = config.read_text(encoding="utf-8")
    assert text.startswith('# mine\ntheme = "gruvbox"\n')
    assert '"tag.confirmed" = "C" # upper' in text
    assert load_config().theme == "gruvbox" and load_config().keymap == {"tag.confirmed": "C"}


def test_saving_the_theme_creates_the_file_and_its_folder(config):
    save_theme("nord")
    assert load_config().theme == "nord"


def test_a_broken_file_is_never_overwritten_by_saving_the_theme(config):
    write(config, "theme = \n")
    with pytest.raises(ValueError, match="the file was left as it is"):
        save_theme("nord")
    assert config.read_text(encoding="utf-8") == "theme = \n"


def test_write_atomic_keeps_the_mode_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "file.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, [b"new ", b"data"])
    assert target.read_bytes() == b"new data"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["file.json"]


def test_write_atomic_leaves_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "file.json"
    target.write_bytes(b"old")

    def chunks():
        yield b"half"
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, chunks())
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.json"]


def test_a_syntax_error_keeps_the_profile_name_read_from_the_rest_of_the_file(config):
    """A broken line dropped the whole file, the profile name with it: the user's claims,
    signed with that name, read as someone else's (an outside tester)."""
    write(config, 'theme = "nord"\n[keymap]\n"tag.confirmed" "C"\n[profile]\nname = "Ana Pérez"\n')
    loaded = load_config()
    assert loaded.profile.name == "Ana Pérez" and loaded.profile_asked
    assert loaded.theme is None and loaded.keymap == {}  # the rest stays at the defaults
    [problem] = loaded.problems
    assert problem.startswith(f"{config}:3: ") and "using the defaults" in problem
    assert 'the [profile] name "Ana Pérez"' in problem and "\n" not in problem


@pytest.mark.parametrize(
    "line",
    ["name = Ana Pérez", 'name = "Ana Pérez', 'name = "Ana Pérez" me', "name = 'Ana Pérez' x"],
)
def test_a_name_written_without_its_quotes_is_still_read(config, line):
    write(config, f'[profile]\n{line}\nurl = "https://example.org/ana"\n')
    loaded = load_config()
    assert loaded.profile.name == "Ana Pérez"
    assert loaded.profile.url == "https://example.org/ana"
    assert len(loaded.problems) == 1 and f"{config}:2: " in loaded.problems[0]


def test_a_broken_table_header_lends_no_setting_to_the_profile(config):
    write(config, '[profile]\nname = "Ana"\n[keymap\nurl = "https://evil.example"\n')
    loaded = load_config()
    assert loaded.profile.name == "Ana" and loaded.profile.url is None
