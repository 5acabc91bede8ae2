-- Written by warehouse/build.py from transforms/extract/registry.py: edit the registry, not this file.
SELECT * FROM stg_event_types
