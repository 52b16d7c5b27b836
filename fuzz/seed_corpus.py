#!/usr/bin/env python3
# Builds the seed corpus (fuzz/corpus/*) from the shipped texts: whole texts, windows of lines,
# re-encodings, edited slice pairs for compare, document.xml slices and small packages for docx.
# The committed corpus is this output plus what the fuzzers added (then minimised).
import os, re, io, zipfile, xml.dom.minidom as md, random
W=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
C=W+'/fuzz/corpus'
for t in ['text','docx_bytes','docx_xml','docx_parts','compare']: os.makedirs(f'{C}/{t}',exist_ok=True)
geneva=open(W+'/resolutions/wtsa-7/geneva-2022.md','rb').read()
usa=open(W+'/resolutions/wtsa-7/usa-48a5-1.txt','rb').read()
def put(t,name,data):
    open(f'{C}/{t}/{name}','wb').write(data)
def windows(data, size, step):
    lines=data.split(b'\n')
    for i in range(0,max(1,len(lines)-size),step):
        yield i, b'\n'.join(lines[i:i+size])
# text: the whole texts and windows of them
put('text','geneva-2022.md',geneva); put('text','usa-48a5-1.txt',usa)
for src,name in [(geneva,'geneva'),(usa,'usa')]:
    for i,w in windows(src,25,20): put('text',f'{name}-lines-{i}',w)
    # the header with the first section only
    put('text',f'{name}-head',src[:1500])
put('text','crlf-usa',usa.replace(b'\n',b'\r\n')[:3000])
put('text','cr-only-geneva',geneva.replace(b'\n',b'\r')[:3000])
put('text','utf16-usa',b'\xff\xfe'+usa[:2000].decode('utf-8','replace').encode('utf-16-le'))
put('text','cp1252',usa[:2000].decode('utf-8','replace').encode('cp1252','replace'))
put('text','outline','\n'.join('\u2022 '+l for l in usa[:2500].decode('utf-8','replace').split('\n')).encode())
put('text','runon',usa[:2500].replace(b'\n',b' '))
# compare: the real pair both ways, a text with itself, and slices with a line dropped
put('compare','usa-geneva',usa+b'\xff'+geneva)
put('compare','geneva-usa',geneva+b'\xff'+usa)
put('compare','geneva-self',geneva)
rng=random.Random(7)
for src,name in [(geneva,'geneva'),(usa,'usa')]:
    lines=src.split(b'\n')
    for k in range(4):
        a=rng.randrange(0,len(lines)-30); win=lines[a:a+30]
        edited=list(win); del edited[rng.randrange(len(edited))]
        j=rng.randrange(len(edited)); edited[j]=edited[j].replace(b'the',b'a')
        put('compare',f'{name}-slice-{a}',b'\n'.join(win)+b'\xff'+b'\n'.join(edited))
# compare: the tricky-case pairs of docs/tricky-cases.md (tests/fixtures/pairs), one kind of edit
# each: renamed sections, moves, splits, merges, sub-items, flattened marks
P=W+'/tests/fixtures/pairs'
for case in sorted(os.listdir(P)):
    if os.path.isdir(f'{P}/{case}'):
        old=open(f'{P}/{case}/old.md','rb').read(); new=open(f'{P}/{case}/new.md','rb').read()
        put('compare',f'tricky-{case}',old+b'\xff'+new)
# docx_xml: the real document.xml cut after whole paragraphs (kept when well-formed)
doc=zipfile.ZipFile(W+'/resolutions/wtsa-1/hammamet-2016.docx').read('word/document.xml')
root=re.search(rb'<w:document[^>]*>',doc).group(0)
body_start=doc.index(b'<w:body>')+len(b'<w:body>')
body=doc[body_start:doc.rindex(b'</w:body>')]
ends=[m.end() for m in re.finditer(rb'</w:p>',body)]
kept=0; prev=0
for n,e in enumerate(ends):
    if kept>=8: break
    if e-prev<3000: continue
    chunk=body[prev:e]
    xmlb=b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'+root+b'<w:body>'+chunk+b'</w:body></w:document>'
    try: md.parseString(xmlb)
    except Exception: continue
    put('docx_xml',f'hammamet-part-{kept}',xmlb); kept+=1; prev=e
print('docx_xml slices',kept)
NS=b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
handmade=b'<w:document '+NS+b'><w:body><w:p><w:pPr><w:pStyle w:val="ResNo"/></w:pPr><w:r><w:t>RESOLUTION 7 (Rev. Geneva, 2022)</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Call"/></w:pPr><w:r><w:t>considering</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">a)\tthat </w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>old</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t>new</w:t></w:r></w:ins><w:r><w:tab/><w:t>words;</w:t></w:r></w:p><w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="x"/></w:rPr></w:pPr><w:r><w:t>resolves</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="enumlev1"/></w:pPr><w:r><w:t>1</w:t></w:r><w:r><w:tab/><w:t>to do</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:pPr><w:pStyle w:val="Mine"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:moveFrom><w:r><w:t>moved</w:t></w:r></w:moveFrom></w:p></w:body></w:document>'
md.parseString(handmade)
put('docx_xml','handmade-revisions',handmade)
put('docx_xml','dtd-entity',b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><w:document '+NS+b'><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
# docx_bytes: small real packages: hammamet with its document cut to a slice, deflated
src=zipfile.ZipFile(W+'/resolutions/wtsa-1/hammamet-2016.docx')
def pkg(docxml, extra=('word/styles.xml','word/footnotes.xml'), method=zipfile.ZIP_DEFLATED):
    b=io.BytesIO(); z=zipfile.ZipFile(b,'w',method)
    for n in ['[Content_Types].xml','_rels/.rels','word/_rels/document.xml.rels',*extra]:
        z.writestr(n, src.read(n))
    if docxml is not None: z.writestr('word/document.xml', docxml)
    z.close(); return b.getvalue()
for i in range(3):
    put('docx_bytes',f'hammamet-part-{i}',pkg(open(f'{C}/docx_xml/hammamet-part-{i}','rb').read()))
put('docx_bytes','handmade-revisions',pkg(handmade, extra=()))
put('docx_bytes','stored',pkg(handmade, extra=(), method=zipfile.ZIP_STORED))
put('docx_bytes','no-document',pkg(None))
# docx_parts: document.xml, numbering.xml, styles.xml, footnotes.xml joined by 0xFF (checks.rs
# docx_parts): a real numbered document, the handmade one with small lists, and Hammamet's
# footnotes with the slice of its document that cites them.
SEP=b'\xff'
numbered=zipfile.ZipFile(W+'/tests/fixtures/docx/res7-numbered.docx')
put('docx_parts','res7-numbered',SEP.join(numbered.read(n) for n in
    ['word/document.xml','word/numbering.xml','word/styles.xml']))
lists=(b'<w:numbering '+NS+b'><w:abstractNum w:abstractNumId="0">'
    b'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>'
    b'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/><w:suff w:val="space"/></w:lvl>'
    b'<w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>'
    b'<w:lvl w:ilvl="3"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="(%1.%4)"/></w:lvl>'
    b'</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    b'<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>')
md.parseString(lists)
item=lambda num,lvl,t: (b'<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr><w:r><w:t>' % (lvl,num))+t+b'</w:t></w:r></w:p>'
listed=(b'<w:document '+NS+b'><w:body><w:p><w:r><w:t>RESOLUTION 7 (Rev. Geneva, 2022)</w:t></w:r></w:p><w:p><w:r><w:t>considering</w:t></w:r></w:p>'
    +item(1,1,b'that one;')+item(1,1,b'that two;')+item(1,2,b'a point;')+b'<w:p><w:r><w:t>resolves</w:t></w:r></w:p>'
    +item(1,0,b'to do;')+item(1,3,b'in part;')+item(2,0,b'restarted;')+item(9,0,b'no such list.')+b'</w:body></w:document>')
md.parseString(listed)
put('docx_parts','handmade-lists',listed+SEP+lists)
put('docx_parts','handmade-revisions-lists',handmade+SEP+lists)
cited=None
for i in range(8):
    p=f'{C}/docx_xml/hammamet-part-{i}'
    if os.path.exists(p) and b'footnoteReference' in open(p,'rb').read():
        cited=open(p,'rb').read(); break
if cited:
    put('docx_parts','hammamet-footnotes',cited+SEP+SEP+SEP+src.read('word/footnotes.xml'))
print('docx_parts', len(os.listdir(f'{C}/docx_parts')))
