#!/usr/bin/env python3
"""Add or update strings in a zh-CN (neutral) / en-US .resx pair.

usage: tools/resx.py PATH/Resources/Name KEY "中文" "English" [KEY "中文" "English" ...]
Creates PATH/Resources/Name.resx (zh-CN, neutral) and Name.en-US.resx when missing.
"""
import sys, os
import xml.etree.ElementTree as ET

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
'''

def load(path):
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f: f.write(HEADER)
    return ET.parse(path)

def put(tree, key, value):
    root = tree.getroot()
    for d in root.findall("data"):
        if d.get("name") == key:
            d.find("value").text = value
            return
    d = ET.SubElement(root, "data", {"name": key, "xml:space": "preserve"})
    ET.SubElement(d, "value").text = value

def save(tree, path):
    ET.indent(tree, "  ")
    tree.write(path, encoding="utf-8", xml_declaration=True)

def main(argv):
    base, rest = argv[0], argv[1:]
    if len(rest) % 3 != 0:
        sys.exit("need KEY ZH EN triples")
    zh_path, en_path = base + ".resx", base + ".en-US.resx"
    zh, en = load(zh_path), load(en_path)
    for i in range(0, len(rest), 3):
        put(zh, rest[i], rest[i + 1]); put(en, rest[i], rest[i + 2])
    save(zh, zh_path); save(en, en_path)

if __name__ == "__main__":
    main(sys.argv[1:])
