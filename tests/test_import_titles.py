"""The list's title, which the attachment prints at its head, taken from the lines above the list as a person reads
them: never a web page's chrome (publication data, counters, share buttons), a bare date, an addressee, a person, a
document number or a section heading when a title is there; a title wrapped onto a second line is joined; a notice's
subject gives the title in its 《》. Fixtures written for the test in the shape of copied government pages."""

from __future__ import annotations

import pytest

import xltools

TABLE = "\n".join(["序号 | 工作任务 | 责任单位", "1 | 推进老旧小区改造。 | 区住建局", "2 | 开展农村人居环境整治。 | 区农业农村局",
                   "3 | 建设社区养老服务中心。 | 区民政局"])


@pytest.mark.parametrize("above, title", [
    (["2024年区政府重点工作任务清单", "发布时间:2024-03-01 09:30 信息来源:区政府办公室 浏览次数:1024"],
     "2024年区政府重点工作任务清单"),
    (["2024年区政府重点工作任务清单", "2024-03-01"], "2024年区政府重点工作任务清单"),
    (["2024年区政府重点工作任务清单", "字体:【大 中 小】 分享到:"], "2024年区政府重点工作任务清单"),
    (["2024年區政府重點工作任務清單", "發布時間:2024-03-01 來源:區政府辦公室"], "2024年區政府重點工作任務清單"),
    (["2024年区政府重点工作任务清单", "各镇人民政府、街道办事处，区政府各部门："], "2024年区政府重点工作任务清单"),
    (["2024年区政府重点工作任务清单", "区府〔2024〕5号"], "2024年区政府重点工作任务清单"),
    (["2024年区政府重点工作任务清单", "一、年度重点任务"], "2024年区政府重点工作任务清单"),
    (["某区推进数字化改革实施意见", "（征求意见稿）"], "某区推进数字化改革实施意见（征求意见稿）"),
    (["二○二四年三月一日2024年区政府重点工作任务清单"], "2024年区政府重点工作任务清单"),
    (["【重点工作】2024年区政府重点工作任务清单"], "2024年区政府重点工作任务清单"),
    (["关于贯彻落实《优化营商环境条例》的任务分工方案"], "关于贯彻落实《优化营商环境条例》的任务分工方案"),
    (["附件1", "任务分工表"], "任务分工表"),
    (["关于印发《某区任务清单》的通知", "（区政办发〔2024〕5号）"], "某区任务清单"),
    (["2024年区政府重点工作任务清单", "（此件公开发布）"], "2024年区政府重点工作任务清单"),
    (["2024年区政府重点工作任务清单", "某区人民政府办公室", "2024年3月1日"], "2024年区政府重点工作任务清单"),
])
def it_takes_the_title_and_leaves_what_is_not(above, title):
    ds = xltools.import_text("\n".join([*above, TABLE]))
    assert ds.title == title
    assert len(ds.tasks) == 3


def it_takes_the_title_from_a_notice_subject_when_no_line_is_a_title():
    text = "\n".join(["关于征求《某县农村宅基地管理试点实施方案（征求意见稿）》意见的函",
                      "为做好试点工作，现将方案印发给你们，请认真研究并提出意见。",
                      "（一）完善基础工作",
                      "1.摸清存量宅基地底数。（责任单位：县自然资源局；配合单位：各乡镇）",
                      "2.建立宅基地信息平台。（责任单位：县农业农村局；配合单位：县数据资源局）"])
    ds = xltools.import_text(text)
    assert ds.title == "某县农村宅基地管理试点实施方案（征求意见稿）"


def it_titles_a_list_without_units_from_the_line_above_it():
    text = "\n".join(["某县2024年十件民生实事", "一、新建城区公办幼儿园2所", "二、改造农村公路50公里",
                      "三、新增城乡公益性岗位300个", "四、建设乡镇养老服务中心3个"])
    assert xltools.import_text(text).title == "某县2024年十件民生实事"


@pytest.mark.parametrize("chrome", ["字体大小:【大 中 小】", "關鍵詞 教育", "2016-03-31 10:03:06 來源:臨汾新聞網"])
def it_never_takes_a_pages_chrome_for_the_title(chrome):
    """The font-size bar, a traditional 關鍵詞 line, a time stamp with its 來源: a saved page's chrome, never the
    title printed at the head of the attachment."""
    text = f"某县2026年民生实事任务清单\n{chrome}\n序号 | 工作任务 | 责任单位\n1 | 建设城市书房3个。 | 县文旅局\n" \
           "2 | 新建公办幼儿园2所。 | 县教育局\n"
    assert xltools.import_text(text).title == "某县2026年民生实事任务清单"
